"""Site search over the database backend, made to work for Chinese text."""

import re
from typing import Any

from django.utils.html import strip_tags
from wagtail.search.query import Phrase, SearchQuery

CJK = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])")


def segment(text: str) -> str:
    """Put spaces around every Chinese character, so each one is a word for the index."""
    return re.sub(r"\s+", " ", CJK.sub(r" \1 ", text)).strip()


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for k, v in value.items() if k not in ("type", "id") for s in _strings(v)]
    return []


def page_text(page: Any) -> str:
    """The visitor-facing text of a page: title, description and its own text fields."""
    from wagtail.fields import StreamField

    from .sync import text_fields

    parts = [page.title, page.search_description or ""]
    for field in text_fields(page):
        value = getattr(page, field.name)
        if isinstance(field, StreamField):
            parts.extend(_strings(value.get_prep_value()))
        else:
            parts.append(str(value or ""))
    return strip_tags(" ".join(parts))


def build_query(text: str) -> str | SearchQuery:
    """A phrase query of single characters for Chinese input, else the words as typed."""
    if CJK.search(text):
        return Phrase(segment(text))
    return text
