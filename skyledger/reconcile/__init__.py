"""Reconciliation: claims from many reports become events with corroboration and contradiction flags.

Pure functions over frozen records; the ledger wiring lives in
``skyledger.store.events``.  See docs/events-format.md.
"""

from skyledger.reconcile.cluster import partition, partition_key
from skyledger.reconcile.engine import event_id, reconcile, reconcile_partition
from skyledger.reconcile.fingerprint import fingerprint
from skyledger.reconcile.links import possible_links
from skyledger.reconcile.records import ClaimRecord, EventFigure, Link, ReconciledEvent, Reconciliation
from skyledger.reconcile.scope import NamePlaceIndex, PlaceIndex, default_place_index

__all__ = [
    "ClaimRecord",
    "EventFigure",
    "Link",
    "NamePlaceIndex",
    "PlaceIndex",
    "ReconciledEvent",
    "Reconciliation",
    "default_place_index",
    "event_id",
    "fingerprint",
    "partition",
    "partition_key",
    "possible_links",
    "reconcile",
    "reconcile_partition",
]
