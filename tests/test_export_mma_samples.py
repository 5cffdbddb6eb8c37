"""`export --format mma` reproduces the dataset's figures for Air Force reports we wrote from its rows.

The sample manifest lists, for eight Ukrainian Air Force-style reports, the
``missile_attacks_daily.csv`` rows their figures were taken from.  Ingesting
each report and exporting it in the dataset's layout must give back, per
model, the same launched / destroyed / not_reach_goal figures.
"""

from __future__ import annotations

import csv
import io

import pytest

from skyledger import pipeline
from skyledger.samples import manifest, samples_dir
from skyledger.store import Ledger
from skyledger.store.export import write_export

CHECKS = manifest()["mma_checks"]


def _figure(value):
    return None if value in ("", None) else int(float(value))


@pytest.mark.parametrize("check", CHECKS, ids=[c["path"].split("/")[-1] for c in CHECKS])
def test_export_mma_reproduces_dataset_rows(check, tmp_path):
    with Ledger.open(tmp_path / "mma.db") as ledger:
        report = pipeline.ingest([str(samples_dir() / check["path"])], ledger)
        assert report.new == 1 and not report.failed
        out = io.StringIO()
        write_export(ledger, "mma", "claims", stream=out)
    rows = {r["model"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    for expected in check["rows"]:
        got = rows.get(expected["model"])
        assert got is not None, f"no row for {expected['model']} (have {sorted(rows)})"
        for column in ("launched", "destroyed", "not_reach_goal"):
            if expected[column] is None:
                continue  # the dataset leaves it empty: nothing to compare
            assert _figure(got[column]) == expected[column], (expected["model"], column)
