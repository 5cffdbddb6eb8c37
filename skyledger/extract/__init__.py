"""Claim extraction: report text -> attributed, source-linked claims (pure, deterministic).

``extract`` never raises on text: empty, binary-looking or pathological input
gives no claims, and the work per document is bounded (see ``engine``).
"""

from __future__ import annotations

import sys
import types
from dataclasses import replace
from datetime import date, datetime

from skyledger.extract.claimants import load_claimants
from skyledger.extract.engine import EXTRACTOR_NAME, extract_text, guess_language
from skyledger.models import Claim, Document

__all__ = ["EXTRACTOR_NAME", "extract", "extract_document", "guess_language"]


def extract(text: str, published: str | date | datetime | None = None, lang: str | None = None) -> list[Claim]:
    """Every quantitative aerial-warfare claim in ``text``.

    ``published`` (ISO date/datetime) anchors relative dates ("overnight",
    "on Monday"); without it, dates that need a year stay unresolved.
    ``lang`` ("en", "ru", "uk") is detected per item when None.
    """
    return extract_text(text, published, lang)


def extract_document(doc: Document) -> list[Claim]:
    """Claims of an ingested document; items given by the reader are processed separately.

    A post on an official channel (the outlet is a known body: "Повітряні сили ЗС
    України", "Минобороны России") is that body's claim when the text names no one else.
    """
    if not doc.items:
        claims = extract_text(doc.text, doc.published, doc.lang)
        return [_official(replace(c, doc_id=doc.doc_id), doc.outlet) for c in claims]
    claims: list[Claim] = []
    for item in doc.items:
        for c in extract_text(doc.text[item.start:item.end], item.published or doc.published, doc.lang):
            claims.append(
                c.__class__.from_dict(
                    {
                        **c.to_dict(),
                        "start": c.start + item.start,
                        "end": c.end + item.start,
                        "sentence_start": c.sentence_start + item.start,
                        "sentence_end": c.sentence_end + item.start,
                        "item": item.index,
                        "doc_id": doc.doc_id,
                    }
                )
            )
    return [_official(c, doc.outlet) for c in claims]


def _official(claim: Claim, outlet: str | None) -> Claim:
    if claim.claimant is not None or not outlet:
        return claim
    body = load_claimants().body(outlet)
    if body is None or body.name is None:
        return claim
    attacker = claim.attacker_side or {"RU": "UA", "UA": "RU"}.get(body.side or "")
    return replace(claim, claimant=body.name, claimant_side=body.side, attacker_side=attacker)


class _CallableModule(types.ModuleType):
    """``skyledger.extract`` is both this package and the entry point: ``skyledger.extract(text)``.

    Making the module callable keeps ``import skyledger.extract.engine`` working
    while the public API stays one short call.
    """

    def __call__(self, text: str, published: str | date | datetime | None = None,
                 lang: str | None = None) -> list[Claim]:
        return extract(text, published, lang)


sys.modules[__name__].__class__ = _CallableModule
