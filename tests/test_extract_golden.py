"""Golden files: whole reports we wrote, with the claims an analyst would record from them.

Each ``tests/golden/extract/NAME.txt`` has ``NAME.expected.json`` holding the
publication date and the expected claims (FORMAT.md fields plus the exact
words each figure was read from).  A change in behaviour shows up as a diff
here; update the expected file only after reading the new claims.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skyledger import extract

GOLDEN = Path(__file__).parent / "golden" / "extract"
CASES = sorted(GOLDEN.glob("*.txt"))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_extract_golden_report(path: Path):
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    got = [{**c.format_dict(), "span": text[c.start:c.end]} for c in extract(text, expected["published"])]
    assert got == expected["claims"]


def test_golden_set_has_reports_with_and_without_claims():
    counts = [len(json.loads(p.with_suffix(".expected.json").read_text())["claims"]) for p in CASES]
    assert len(CASES) >= 5 and 0 in counts and max(counts) >= 5
