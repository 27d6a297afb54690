"""Simplified → Traditional Chinese with OpenCC and the bureau's glossary of official terms."""

from functools import cache
from pathlib import Path

GLOSSARY_PATH = Path(__file__).with_name("glossary.tsv")


@cache
def _converter():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("s2t")


@cache
def glossary() -> tuple[tuple[str, str], ...]:
    """The (OpenCC output, official form) pairs, longest first so longer terms win."""
    pairs: list[tuple[str, str]] = []
    for line in GLOSSARY_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        source, _, target = line.partition("\t")
        if source and target:
            pairs.append((source.strip(), target.strip()))
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def to_traditional(text: str) -> str:
    """Convert Simplified Chinese text to Traditional, applying the official-term glossary.

    Text without Chinese characters (placeholders, HTML, Latin) passes through unchanged.
    """
    if not text:
        return text
    converted: str = _converter().convert(text)
    for source, target in glossary():
        converted = converted.replace(source, target)
    return converted
