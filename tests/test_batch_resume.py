"""Resumable batches, tested by really killing: a worker mid-partition, and the client mid-run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")

import cloudpickle  # noqa: E402
from batch_corpus import PARTITION_DOCS, corpus, done_markers, dumps, reference, snapshot_of  # noqa: E402

from skyledger.batch import dask_client, run_batch  # noqa: E402
from skyledger.batch.compare import differences  # noqa: E402
from skyledger.extract import extract_document  # noqa: E402
from skyledger.pipeline import extractor_name  # noqa: E402

cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers need not import this test module


class KillWorkerOnce:
    """The real extractor, except that the first worker to reach the 40th document dies on the spot (once)."""

    name = extractor_name(extract_document)

    def __init__(self, marker: str) -> None:
        self.marker = marker
        self.calls = 0

    def __call__(self, doc):
        self.calls += 1
        if self.calls == 40:
            try:
                fd = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                pass
            else:
                os.write(fd, str(os.getpid()).encode())
                os.close(fd)
                os.kill(os.getpid(), signal.SIGKILL)
        return extract_document(doc)


def test_batch_survives_a_killed_worker(tmp_path):
    expected, _ = reference()
    marker = tmp_path / "killed"
    client = dask_client(workers=2)
    try:
        report = run_batch([str(corpus())], out=tmp_path / "out", db=str(tmp_path / "b.db"), engine="dask",
                           client=client, partition_docs=PARTITION_DOCS, extractor=KillWorkerOnce(str(marker)))
    finally:
        from skyledger.batch.driver import _close_client

        _close_client(client)
    assert marker.is_file(), "no worker was killed"
    assert report.processed == report.partitions == 13 and not report.failed_partitions
    got = snapshot_of(str(tmp_path / "b.db"))
    assert differences(expected, got) == {}, dumps(differences(expected, got))


CLIENT = """
import sys, time
from skyledger.batch import run_batch
from skyledger.extract import extract_document
from skyledger.pipeline import extractor_name

class Slow:
    name = extractor_name(extract_document)
    def __call__(self, doc):
        time.sleep(0.001)
        return extract_document(doc)

if __name__ == "__main__":
    run_batch([sys.argv[1]], out=sys.argv[2], db=sys.argv[3], engine=sys.argv[4], partition_docs=int(sys.argv[5]),
              workers=2, extractor=Slow())
"""


@pytest.mark.parametrize("engine", ["dask", "local"])
def test_killed_client_resumes_from_finished_partitions(tmp_path, engine):
    expected, _ = reference()
    out, db = tmp_path / "out", str(tmp_path / "b.db")
    script = tmp_path / "client.py"
    script.write_text(CLIENT)
    proc = subprocess.Popen([sys.executable, str(script), str(corpus()), str(out), db, engine, str(PARTITION_DOCS)],
                            start_new_session=True, stdout=subprocess.DEVNULL, stderr=(tmp_path / "client.log").open("w"))
    try:
        deadline = time.monotonic() + 60
        while len(done_markers(out)) < 3 if out.exists() else True:
            assert proc.poll() is None, (tmp_path / "client.log").read_text()[-3000:]
            assert time.monotonic() < deadline
            time.sleep(0.02)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the client and the cluster it started, all at once
        proc.wait()
    before = done_markers(out)
    assert 3 <= len(before) < 13

    report = run_batch([str(corpus())], out=out, db=db, engine="local", partition_docs=PARTITION_DOCS)
    assert report.resumed == len(before) and report.processed == 13 - len(before)
    after = done_markers(out)
    assert all(after[key] == mtime for key, mtime in before.items())  # finished partitions were not redone
    assert len(after) == 13
    got = snapshot_of(db)
    assert differences(expected, got) == {}, dumps(differences(expected, got))
