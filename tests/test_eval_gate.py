"""The quality gate (trafilatura style): extraction F1 on the gold sets stays at or above recorded floors."""

from __future__ import annotations

import json
import subprocess

import pytest

from skyledger import gate

pytestmark = pytest.mark.skipif(not gate.GOLD_DIR.exists(), reason="../shared/eval (gold files) not present")


def test_eval_gate_scores_stay_above_floors():
    failures = gate.check(gate.measure())
    assert not failures, "\n".join(failures)


def test_eval_gate_seed_articles_are_read_perfectly():
    scores = gate.measure()
    assert scores["seeds_gold.jsonl"]["f1"] == 1.0


def test_eval_gate_floors_never_fall_below_the_committed_ones():
    """Floors may only rise: compare with the version in git, when there is one."""
    try:
        committed = subprocess.run(["git", "show", "HEAD:tests/eval/floors.json"], cwd=gate.REPO,
                                   capture_output=True, text=True, check=True).stdout
    except (subprocess.CalledProcessError, FileNotFoundError):
        pytest.skip("no committed floors to compare with")
    old = json.loads(committed)
    new = json.loads(gate.FLOORS.read_text())
    for key, metrics in old.items():
        for metric, floor in metrics.items():
            assert new.get(key, {}).get(metric, -1) >= floor, f"{key} {metric} floor lowered"
