"""The CLI's claim filters as query parameters, and the parameterised SQL they become.

``skyledger claims --since --until --weapon --action --side --attacker --place
--claimant --text`` and ``GET /api/claims?since=…`` mean the same thing; the
API adds ``q`` (full-text search over the reports) and ``doc_id``.
Values are validated (unknown weapons, bad dates → 422) and only ever reach
SQL as parameters.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Query

from skyledger.api.dialect import Dialect
from skyledger.store.filters import claim_conditions

Weapon = Literal["drone", "missile", "guided_bomb", "rocket", "aircraft", "other"]
Action = Literal["launched", "intercepted", "lost", "impacted"]
Side = Literal["RU", "UA", "other"]
WEAPONS: tuple[str, ...] = Weapon.__args__  # type: ignore[attr-defined]
ACTIONS: tuple[str, ...] = Action.__args__  # type: ignore[attr-defined]
SIDES: tuple[str, ...] = Side.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class ClaimFilters:
    since: date | None = None
    until: date | None = None
    weapon: str | None = None
    action: str | None = None
    side: str | None = None
    attacker: str | None = None
    place: str | None = None
    claimant: str | None = None
    text: str | None = None
    q: str | None = None
    doc_id: str | None = None

    def query(self) -> dict[str, str]:
        """The filters as query-string parameters (for links, downloads and JSON twins)."""
        return {k: str(v) for k, v in asdict(self).items() if v not in (None, "")}


def claim_filters(
    since: Annotated[date | None, Query(description="Claims dated on or after this day (else the report's day).")] = None,
    until: Annotated[date | None, Query(description="Claims dated on or before this day.")] = None,
    weapon: Annotated[Weapon | None, Query(description="Weapon class.")] = None,
    action: Annotated[Action | None, Query(description="What the figure counts.")] = None,
    side: Annotated[Side | None, Query(description="The claimant's side.")] = None,
    attacker: Annotated[Side | None, Query(description="The attacker's side.")] = None,
    place: Annotated[str | None, Query(max_length=200, description="Place name (substring), gazetteer id or ISO 3166-2 code.")] = None,
    claimant: Annotated[str | None, Query(max_length=200, description="Claimant contains this text.")] = None,
    text: Annotated[str | None, Query(max_length=200, description="The quoted sentence contains this text.")] = None,
    q: Annotated[str | None, Query(max_length=500, description='Full-text search of the reports: words, "phrases", prefix*.')] = None,
    doc_id: Annotated[str | None, Query(max_length=100, description="Only claims read from this document.")] = None,
) -> ClaimFilters:
    return ClaimFilters(since, until, weapon, action, side, attacker, place or None, claimant or None,
                        text or None, q or None, doc_id or None)


def claim_where(f: ClaimFilters, sql: Dialect, c: str = "c", dated: bool | None = None) -> tuple[list[str], list[Any]]:
    """WHERE conditions over claims ``c`` (same meaning as ``Ledger.claims``), in the dialect ``sql``.

    ``since``/``until`` bound the claim's date, else its report's publication
    day.  ``dated=True`` writes them for claims that have a date (a range on
    ``claims_date``), ``dated=False`` for claims that have none (the report's
    day), ``None`` for any claim (``coalesce``, no index).
    """
    where: list[str] = []
    params: list[Any] = []
    published = f"substr((SELECT published FROM documents WHERE doc_id = {c}.doc_id), 1, 10)"
    day = {True: f"{c}.date", False: published, None: f"coalesce({c}.date, {published})"}[dated]
    if f.since:
        where.append(f"{day} >= ?")
        params.append(f.since.isoformat())
    if f.until:
        where.append(f"{day} <= ?")
        params.append(f.until.isoformat())
    conditions, values = claim_conditions(c, weapon=f.weapon, action=f.action, side=f.side, attacker=f.attacker,
                                          doc_id=f.doc_id, claimant=f.claimant, text=f.text, place=f.place)
    where += conditions
    params += values
    if f.q:
        expression = sql.fts_param(f.q)
        if expression is None:
            where.append("1 = 0")
        else:
            where.append(sql.fts_probe_sql.format(doc_id=f"{c}.doc_id"))
            params.append(expression)
    return where, params
