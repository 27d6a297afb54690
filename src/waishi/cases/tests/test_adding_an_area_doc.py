"""docs/adding-an-area.md names only code that exists."""

import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
DOC = ROOT / "docs" / "adding-an-area.md"


def _resolves(dotted: str) -> bool:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            if not hasattr(target, name):
                return False
            target = getattr(target, name)
        return True
    return False


def test_every_code_name_in_the_doc_exists() -> None:
    text = DOC.read_text(encoding="utf-8")
    names = set(re.findall(r"`(waishi(?:\.\w+)+)`", text))
    assert len(names) > 15
    assert [name for name in sorted(names) if not _resolves(name)] == []


def test_every_path_in_the_doc_exists() -> None:
    text = DOC.read_text(encoding="utf-8")
    paths = set(re.findall(r"`(src/[\w/.]+)`", text))
    assert paths
    assert [path for path in sorted(paths) if not (ROOT / path).exists()] == []
