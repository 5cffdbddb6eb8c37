"""``batch --engine dask`` builds exactly the ledger ``ingest`` builds, on SQLite and on PostgreSQL."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("distributed")

import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402
from batch_corpus import PARTITION_DOCS, corpus, dumps, failures, ingest_into, reference, snapshot_of  # noqa: E402
from pg_server import pg_url  # noqa: E402,F401 - fixture

from skyledger.batch import dask_client, run_batch  # noqa: E402
from skyledger.batch.compare import differences  # noqa: E402


@pytest.fixture(scope="module")
def client():
    c = dask_client(workers=2)
    yield c
    from skyledger.batch.driver import _close_client

    _close_client(c)


def test_batch_dask_matches_ingest_on_sqlite(tmp_path, client):
    expected, expected_failures = reference()
    report = run_batch([str(corpus())], out=tmp_path / "out", db=str(tmp_path / "batch.db"), engine="dask",
                       client=client, partition_docs=PARTITION_DOCS)
    assert report.partitions == 13 and report.processed == 13 and not report.failed_partitions
    assert failures(report) == expected_failures and len(expected_failures) == 1
    got = snapshot_of(str(tmp_path / "batch.db"))
    assert differences(expected, got) == {}, dumps(differences(expected, got))
    assert len(got["claims"]) > 100 and len(got["events"]) > 50

    again = run_batch([str(corpus())], out=tmp_path / "out", db=str(tmp_path / "batch.db"), engine="dask",
                      client=client, partition_docs=PARTITION_DOCS)
    assert (again.processed, again.resumed, again.loaded) == (0, 13, 0)
    assert snapshot_of(str(tmp_path / "batch.db")) == got


def test_batch_dask_matches_ingest_on_postgres(tmp_path, client, pg_url):
    expected, _ = reference()
    ingested, _ = ingest_into(pg_url)
    assert differences(expected, ingested) == {}, dumps(differences(expected, ingested))
    report = run_batch([str(corpus())], out=tmp_path / "out", db=pg_url, engine="dask", client=client,
                       partition_docs=PARTITION_DOCS)
    assert report.new == 0 and report.skipped > 0  # everything was already ingested: loading is idempotent
    assert snapshot_of(pg_url) == ingested


def test_batch_into_empty_postgres_matches_ingest(tmp_path, pg_url):
    expected, _ = reference()
    run_batch([str(corpus())], out=tmp_path / "out", db=pg_url, engine="local", partition_docs=PARTITION_DOCS)
    got = snapshot_of(pg_url)
    assert differences(expected, got) == {}, dumps(differences(expected, got))


def test_batch_writes_partitioned_parquet_without_a_ledger(tmp_path):
    expected, _ = reference()
    report = run_batch([str(corpus())], out=tmp_path / "out", engine="local", partition_docs=1000)
    assert report.partitions == 3 + 1 and report.loaded == 0  # the last shard has 1002 lines
    claims = pq.read_table(tmp_path / "out" / "claims")
    assert claims.num_rows == len(expected["claims"])
    assert set(claims.column("claim_id").to_pylist()) == {json.loads(r)["claim_id"] for r in expected["claims"]}
    assert pq.read_table(tmp_path / "out" / "documents").num_rows == report.documents


def test_batch_reads_gzip_and_parquet_shards(tmp_path):
    """The same records as .jsonl.gz or Parquet give the same claims (only `source` names the new file)."""
    expected, _ = reference()
    gz_dir, pq_dir = tmp_path / "gz", tmp_path / "pq"
    gz_dir.mkdir()
    pq_dir.mkdir()
    for shard in sorted(corpus().glob("*.jsonl")):
        lines = [line for line in shard.read_text(encoding="utf-8").splitlines() if line.endswith("}")]
        with gzip.open(gz_dir / (shard.name + ".gz"), "wt", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
        records = [json.loads(line) for line in lines]
        pq.write_table(pa.Table.from_pylist(records), pq_dir / (shard.stem + ".parquet"), row_group_size=400)
    for folder in (gz_dir, pq_dir):
        db = str(tmp_path / f"{folder.name}.db")
        report = run_batch([str(folder)], out=tmp_path / f"out-{folder.name}", db=db, engine="local")
        got = snapshot_of(db)
        assert got["claims"] == expected["claims"] and got["events"] == expected["events"], folder.name
        assert len(got["documents"]) == len(expected["documents"]) and not report.failed
    assert run_batch([str(pq_dir)], out=tmp_path / "x", engine="local").partitions == 3 * 3


def test_batch_cli_runs_and_reports(tmp_path):
    from typer.testing import CliRunner

    from skyledger.cli.batch_cmd import register
    import typer

    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)
    result = CliRunner().invoke(app, ["batch", str(corpus()), "--engine", "local", "--out", str(tmp_path / "o"),
                                      "--db", f"sqlite:///{tmp_path / 'cli.db'}", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"] == 3001
    result = CliRunner().invoke(app, ["batch", str(corpus()), "--engine", "nope", "--out", str(tmp_path / "o")])
    assert result.exit_code == 1 and "unknown engine" in result.output
    shutil.rmtree(tmp_path / "o")
