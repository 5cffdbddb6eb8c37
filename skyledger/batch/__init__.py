"""Batch runs: sharded inputs processed on Dask workers (or in-process), claims written as Parquet,
loaded into a ledger (SQLite or PostgreSQL) by one writer, resumable partition by partition.

Dask is an optional extra (``pip install 'skyledger[dask]'``); without it the
``local`` engine still runs.  See docs/scale.md.
"""

from skyledger.batch.driver import ENGINES, BatchError, BatchReport, dask_client, reconcile_ledger, run_batch
from skyledger.batch.plan import DEFAULT_PARTITION_DOCS, Partition, plan
from skyledger.batch.work import load_partition_records, process_partition, read_partition

__all__ = [
    "DEFAULT_PARTITION_DOCS",
    "ENGINES",
    "BatchError",
    "BatchReport",
    "Partition",
    "dask_client",
    "load_partition_records",
    "plan",
    "process_partition",
    "read_partition",
    "reconcile_ledger",
    "run_batch",
]
