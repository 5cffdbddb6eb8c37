"""Claims laid out like the public ``missile_attacks_daily.csv`` dataset, so its users can compare.

One row per (document, time window or date, weapon model or class) for claims
whose attacker is Russia: ``launched`` ← launched claims, ``destroyed`` ←
intercepted, ``not_reach_goal`` ← lost.  Within a row each figure is the
largest claimed for that action (a total and its regional breakdown must not be
added together).  docs/schema.md documents the mapping.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

MMA_COLUMNS: tuple[str, ...] = (
    "time_start", "time_end", "model", "launch_place", "target", "target_main", "launched", "destroyed",
    "not_reach_goal", "still_attacking", "border_crossing", "is_shahed", "num_hit_location",
    "num_fall_fragment_location", "carrier", "turbojet", "turbojet_destroyed", "affected region",
    "destroyed_details", "launched_details", "launch_place_details", "source",
)

# The dataset's own labels for a weapon named only by its class.
CLASS_LABELS = {
    "drone": "Unknown UAV",
    "missile": "Unknown Missile",
    "guided_bomb": "Unknown Guided Bomb",
    "rocket": "Unknown Rocket",
    "aircraft": "Unknown Aircraft",
    "other": "Unknown",
}
_FIGURE_BY_ACTION = {"launched": "launched", "intercepted": "destroyed", "lost": "not_reach_goal"}


def _window(claim: dict[str, Any]) -> tuple[str, str]:
    start = claim.get("time_start") or claim.get("date") or (claim.get("published") or "")[:10]
    end = claim.get("time_end") or claim.get("date") or start
    return _minutes(start), _minutes(end)


def _minutes(value: str) -> str:
    """``2025-03-08T18:00:00`` → ``2025-03-08 18:00`` (the dataset's resolution); dates stay dates."""
    return value.replace("T", " ")[:16] if value else ""


def mma_rows(claims: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with exactly ``MMA_COLUMNS`` from stored-claim dicts (as ``Ledger.claims`` returns them)."""
    groups: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for claim in claims:
        figure = _FIGURE_BY_ACTION.get(claim.get("action", ""))
        if claim.get("attacker_side") != "RU" or figure is None:
            continue
        model = claim.get("weapon_model") or CLASS_LABELS.get(claim.get("weapon", ""), "Unknown")
        time_start, time_end = _window(claim)
        key = (claim["doc_id"], time_start, time_end, model)
        row = groups.get(key)
        if row is None:
            row = dict.fromkeys(MMA_COLUMNS, "")
            row.update(time_start=time_start, time_end=time_end, model=model, target="Ukraine",
                       source=claim.get("url") or claim.get("source") or "")
            row["_launch_places"] = []
            groups[key] = row
        current = row[figure]
        row[figure] = max(int(claim["count"]), current) if current != "" else int(claim["count"])
        for place in claim.get("launch_places") or ():
            if place not in row["_launch_places"]:
                row["_launch_places"].append(place)
    rows = []
    for key in sorted(groups, key=lambda k: (k[1], k[2], k[0], k[3])):
        row = groups[key]
        row["launch_place"] = " and ".join(row.pop("_launch_places"))
        if "shahed" in row["model"].lower() or "geran" in row["model"].lower():
            row["is_shahed"] = row["launched"]
        rows.append(row)
    return rows
