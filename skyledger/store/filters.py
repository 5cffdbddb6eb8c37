"""The claim filters every query shares: ``skyledger claims``, ``skyledger events`` and the API.

One definition, so "--place Kursk" means the same thing everywhere: a place
name (case-insensitive substring), a gazetteer id or an ISO 3166-2 code.
Values are normalised here (``Drone`` -> ``drone``, ``ru`` -> ``RU``) so the
SQL compares stored values exactly and can use the indexes.  Everything
reaches SQL as a parameter.
"""

from __future__ import annotations

from typing import Any

_SIDES = {"ru": "RU", "ua": "UA", "other": "other"}


def claim_conditions(c: str = "c", *, weapon: str | None = None, action: str | None = None,
                     side: str | None = None, attacker: str | None = None, doc_id: str | None = None,
                     claimant: str | None = None, text: str | None = None,
                     place: str | None = None) -> tuple[list[str], list[Any]]:
    """WHERE conditions (and their parameters) over the claims table aliased ``c``."""
    where: list[str] = []
    params: list[Any] = []
    exact = (("weapon", weapon and weapon.lower()), ("action", action and action.lower()),
             ("claimant_side", side and _SIDES.get(side.lower(), side)),
             ("attacker_side", attacker and _SIDES.get(attacker.lower(), attacker)), ("doc_id", doc_id))
    for column, value in exact:
        if value:
            where.append(f"{c}.{column} = ?")
            params.append(value)
    if claimant:
        where.append(f"instr(casefold({c}.claimant), casefold(?)) > 0")
        params.append(claimant)
    if text:
        where.append(f"instr(casefold({c}.quote), casefold(?)) > 0")
        params.append(text)
    if place:
        where.append(
            "EXISTS (SELECT 1 FROM claim_places cp LEFT JOIN places p ON p.place_id = cp.place_id"
            f" WHERE cp.claim_id = {c}.claim_id AND (instr(casefold(cp.name), casefold(?)) > 0"
            " OR cp.place_id = ? OR p.code = ?))"
        )
        params.extend([place, place, place.upper()])
    return where, params
