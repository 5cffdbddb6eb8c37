"""The extraction quality gate: F1 on the gold sets may not fall below recorded floors.

Floors live in ``tests/eval/floors.json`` and may only rise: ``python -m
skyledger.gate --raise`` lifts a floor to the score measured now (never lowers
one).  The gold files sit outside the repository (``../shared/eval``); without
them the gate has nothing to measure and says so.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from skyledger.scoring import evaluate, read_gold, skyledger_extractor

REPO = Path(__file__).resolve().parents[1]
FLOORS = REPO / "tests" / "eval" / "floors.json"
GOLD_DIR = REPO.parent / "shared" / "eval"
METRICS = ("f1", "location_f1", "date_accuracy")


def measure(gold_dir: Path = GOLD_DIR) -> dict[str, dict[str, float]]:
    """Scores per gold file (and per language inside it) for the gated metrics."""
    scores: dict[str, dict[str, float]] = {}
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    for key in floors:
        name, _, lang = key.partition(":")
        path = gold_dir / name
        if not path.exists():
            continue
        result, _ = evaluate(read_gold(path), skyledger_extractor)
        section = result["by_lang"].get(lang, {}) if lang else result
        scores[key] = {m: section.get(m) for m in METRICS if section.get(m) is not None}
    return scores


def check(scores: dict[str, dict[str, float]]) -> list[str]:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    failures = []
    for key, metrics in floors.items():
        for metric, floor in metrics.items():
            got = scores.get(key, {}).get(metric)
            if got is not None and got + 1e-9 < floor:
                failures.append(f"{key} {metric}: {got:.4f} < floor {floor:.4f}")
    return failures


def raise_floors(scores: dict[str, dict[str, float]]) -> dict:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    for key, metrics in floors.items():
        for metric in list(metrics):
            got = scores.get(key, {}).get(metric)
            if got is not None and got > metrics[metric]:
                metrics[metric] = round(got - 0.0001, 4)
    FLOORS.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
    return floors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raise", dest="raise_", action="store_true", help="lift floors to today's scores")
    args = parser.parse_args(argv)
    if not GOLD_DIR.exists():
        print(f"no gold files at {GOLD_DIR}: nothing to gate")
        return 0
    scores = measure()
    print(json.dumps(scores, indent=2))
    if args.raise_:
        raise_floors(scores)
    failures = check(scores)
    for f in failures:
        print("BELOW FLOOR:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
