"""Claims laid out like the public ``missile_attacks_daily.csv`` dataset, so its users can compare.

One row per (document, time window or date, weapon model or class) for claims
whose attacker is Russia: ``launched`` ← launched claims, ``destroyed`` ←
intercepted, ``not_reach_goal`` ← lost.  Within a row each figure is the
largest claimed for that action (a total and its regional breakdown must not be
added together).  docs/schema.md documents the mapping.
"""

from __future__ import annotations

import re
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

# skyledger's canonical model -> the dataset's label (its spelling: "X-" for "Kh-", "C-" for "S-").
DATASET_MODELS = {
    "Shahed": "Shahed-136/131", "Shahed-136/131": "Shahed-136/131", "Gerbera": "Shahed-136/131",
    "Kh-101": "X-101/X-555", "Kh-555": "X-101/X-555", "Kh-101/Kh-555": "X-101/X-555",
    "Kh-59": "X-59", "Kh-69": "X-69", "Kh-59/69": "X-59/X-69", "Kh-22": "X-22", "Kh-32": "X-32",
    "Kh-22/32": "X-22 and X-32", "Kh-31": "X-31P", "Kh-35": "X-35", "Kinzhal": "X-47 Kinzhal",
    "KN-23/24": "KN-23", "S-300": "C-300", "S-400": "C-400", "S-300/S-400": "C-300/C-400",
    "Zircon": "3M22 Zircon", "Onyx": "P-800 Oniks", "Iskander-M/KN-23": "Iskander-M/KN-23",
}


# Long-range "strike" / "attack" drones in Air Force reports are the Shahed type and its decoys:
# the dataset files them under Shahed-136/131 even when a report does not name the type.
_STRIKE_DRONE = re.compile(r"(?i)\b(?:ударн\w*|удар\w* бпла|strike|attack|kamikaze|камікадзе|камикадзе)\b")


def _class_label(claim: dict[str, Any]) -> str:
    if claim.get("weapon") == "drone":
        words = _figure_words(claim)
        if words and _STRIKE_DRONE.search(words):
            return "Shahed-136/131"
    return CLASS_LABELS.get(claim.get("weapon", ""), "Unknown")


def _figure_words(claim: dict[str, Any]) -> str:
    """The words the figure was read from, cut out of the stored sentence."""
    quote, offset = claim.get("quote") or "", claim.get("sentence_start") or 0
    start, end = claim.get("start"), claim.get("end")
    if start is None or end is None:
        return ""
    return quote[max(0, start - offset):max(0, end - offset)]


def dataset_model(model: str) -> str:
    """Our model name in the dataset's vocabulary; several models read together are joined with " and "."""
    if model in DATASET_MODELS:
        return DATASET_MODELS[model]
    parts = model.split("/")
    if len(parts) > 1 and all(p in DATASET_MODELS or p[:1].isalpha() for p in parts):
        mapped = [DATASET_MODELS.get(p, p) for p in parts]
        if any(p in DATASET_MODELS for p in parts) or len(set(mapped)) == len(mapped):
            return " and ".join(dict.fromkeys(mapped))
    return model


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
    classes: dict[tuple[str, str], set[str]] = {}
    for claim in claims:
        figure = _FIGURE_BY_ACTION.get(claim.get("action", ""))
        if claim.get("attacker_side") != "RU" or figure is None:
            continue
        model = dataset_model(claim["weapon_model"]) if claim.get("weapon_model") \
            else _class_label(claim)
        time_start, time_end = _window(claim)
        key = (claim["doc_id"], time_start, time_end, model)
        row = groups.get(key)
        classes.setdefault((claim["doc_id"], claim.get("weapon", "")), set()).add(model)
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
    _fold_unnamed_into_the_named_model(groups, classes)
    reports_interceptions = {k[0] for k, row in groups.items() if row["destroyed"] != ""}
    rows = []
    for key in sorted(groups, key=lambda k: (k[1], k[2], k[0], k[3])):
        row = groups[key]
        if row["launched"] != "" and row["destroyed"] == "" and key[0] in reports_interceptions:
            row["destroyed"] = 0  # the report gives interceptions, none for this model: the dataset writes 0
        row["launch_place"] = " and ".join(row.pop("_launch_places"))
        if "shahed" in row["model"].lower() or "geran" in row["model"].lower():
            row["is_shahed"] = row["launched"]
        rows.append(row)
    return rows


def _fold_unnamed_into_the_named_model(groups: dict, classes: dict) -> None:
    """"Launched 188 Shahed drones ... 76 drones shot down": in a report naming one drone model, the
    unnamed drone figures are that model's (as the dataset's curators record them)."""
    for (doc_id, weapon), models in classes.items():
        label = CLASS_LABELS.get(weapon)
        named = sorted(m for m in models if m != label)
        if label not in models or len(named) != 1:
            continue
        for key in [k for k in groups if k[0] == doc_id and k[3] == label]:
            target_key = next((k for k in groups if k[:3] == key[:3] and k[3] == named[0]), None)
            if target_key is None:
                continue
            source, target = groups[key], groups[target_key]
            if any(source[f] != "" and target[f] != "" for f in _FIGURE_BY_ACTION.values()):
                continue  # both carry the same figure: they are different weapons, keep both rows
            for figure in _FIGURE_BY_ACTION.values():
                if source[figure] != "":
                    target[figure] = source[figure]
            target["_launch_places"].extend(p for p in source["_launch_places"] if p not in target["_launch_places"])
            del groups[key]
