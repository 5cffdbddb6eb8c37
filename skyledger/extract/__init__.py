"""Claim extraction: report text -> attributed, source-linked claims (pure, deterministic)."""

from __future__ import annotations

from datetime import date, datetime

from skyledger.models import Claim, Document


def extract(text: str, published: str | date | datetime | None = None, lang: str | None = None) -> list[Claim]:
    """Every quantitative aerial-warfare claim in ``text`` (placeholder until the engine lands)."""
    return []


def extract_document(doc: Document) -> list[Claim]:
    """Claims of a stored document, item by item (context never crosses items)."""
    return extract(doc.text, doc.published, doc.lang)
