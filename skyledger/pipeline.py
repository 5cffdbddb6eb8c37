"""Inputs → documents → claims → ledger, in-process, with one writer.

Reading and extraction are pure; only ``Ledger`` writes, a batch of whole
documents per transaction, so killing a run leaves whole documents (never half
of one) and re-running it stores exactly what an uninterrupted run would.
A document already in the ledger (same content hash) is skipped before
extraction.  Hooks let other stages react to new documents (incremental
reconciliation registers itself in ``on_document_added``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from skyledger.extract import extract_document
from skyledger.ingest import DEFAULT_LIMITS, IngestError, Limits, read_inputs
from skyledger.models import Claim, Document
from skyledger.store import Ledger
from skyledger.store.factory import database_errors

Extractor = Callable[[Document], Sequence[Claim]]
Progress = Callable[[str, int], None]  # (event, count so far): "document", "error"

# Called as fn(ledger, doc_id) after each document is committed.
on_document_added: list[Callable[[Ledger, str], None]] = []
# Called as fn(ledger, report) once a run has finished (successfully or not).
on_run_finished: list[Callable[[Ledger, IngestReport], None]] = []

BATCH_SIZE = 200


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one run did: documents newly stored, already stored, and every failure with its reason."""

    new: int = 0
    skipped: int = 0
    claims: int = 0
    failed: tuple[IngestError, ...] = field(default_factory=tuple)
    run_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"new": self.new, "skipped": self.skipped, "claims": self.claims, "failed": len(self.failed),
                "failures": [e.to_dict() for e in self.failed], "run_id": self.run_id}


def extractor_name(extractor: Extractor) -> str:
    """The versioned name stored with each document, compared by ``reextract`` after upgrades."""
    name = getattr(extractor, "name", None)
    if isinstance(name, str) and name:
        return name
    if extractor is extract_document:
        # via importlib: the package attribute ``skyledger.extract`` is shadowed by the function
        declared = getattr(importlib.import_module("skyledger.extract"), "EXTRACTOR_NAME", None)
        if isinstance(declared, str) and declared:
            return declared
    return f"{getattr(extractor, '__module__', '?')}.{getattr(extractor, '__qualname__', repr(extractor))}"


def _safe_extract(extractor: Extractor, doc: Document) -> tuple[list[Claim], IngestError | None]:
    try:
        return list(extractor(doc)), None
    except Exception as exc:  # noqa: BLE001 - one document must not end a run; it is reported instead
        return [], IngestError(doc.source, f"extraction failed: {type(exc).__name__}: {exc}"[:300])


def _run_hooks(hooks: Iterable[Callable[..., None]], *args: Any) -> None:
    for hook in list(hooks):
        hook(*args)


def ingest(inputs: Sequence[str], ledger: Ledger, *, extractor: Extractor = extract_document,
           limits: Limits = DEFAULT_LIMITS, transport: httpx.BaseTransport | None = None,
           progress: Progress | None = None, batch_size: int = BATCH_SIZE) -> IngestReport:
    """Read every input, extract claims from each new document and store them; never raises on bad input."""
    name = extractor_name(extractor)
    run_id = ledger.start_run(inputs, name)
    new = skipped = claims_stored = 0
    failures: list[IngestError] = []
    pending: list[tuple[Document, list[Claim]]] = []
    pending_ids: set[str] = set()

    def flush() -> None:
        nonlocal new, skipped, claims_stored
        if not pending:
            return
        added: list[bool | None]
        try:
            added = list(ledger.add_documents(pending, name))
        except database_errors():  # find the culprit: store the batch one document at a time
            added = []
            for doc, claims in pending:
                try:
                    added.extend(ledger.add_documents([(doc, claims)], name))
                except database_errors() as exc:
                    failures.append(IngestError(doc.source, f"could not store: {exc}"[:300]))
                    added.append(None)
        for (doc, claims), was_added in zip(pending, added, strict=True):
            if was_added is None:
                continue
            if was_added:
                new += 1
                claims_stored += len(claims)
                try:
                    _run_hooks(on_document_added, ledger, doc.doc_id)
                except Exception as exc:  # noqa: BLE001 - the document is stored; report the hook's failure
                    failures.append(IngestError(doc.source, f"after-store hook failed: {type(exc).__name__}: {exc}"[:300]))
            else:
                skipped += 1
        pending.clear()
        pending_ids.clear()

    seen = 0
    for record in read_inputs(inputs, limits, transport):
        if isinstance(record, IngestError):
            failures.append(record)
            if progress:
                progress("error", len(failures))
            continue
        seen += 1
        if progress:
            progress("document", seen)
        if record.doc_id in pending_ids or ledger.has_document(record.doc_id):
            skipped += 1
            continue
        claims, problem = _safe_extract(extractor, record)
        if problem is not None:
            failures.append(problem)
            continue
        pending.append((record, claims))
        pending_ids.add(record.doc_id)
        if len(pending) >= batch_size:
            flush()
    flush()
    ledger.finish_run(run_id, new=new, skipped=skipped, errors=failures)
    report = IngestReport(new=new, skipped=skipped, claims=claims_stored, failed=tuple(failures), run_id=run_id)
    _run_hooks(on_run_finished, ledger, report)
    return report


@dataclass(frozen=True, slots=True)
class ReextractReport:
    documents: int = 0
    claims: int = 0
    failed: tuple[IngestError, ...] = ()


def reextract(ledger: Ledger, *, extractor: Extractor = extract_document, force: bool = False,
              progress: Progress | None = None) -> ReextractReport:
    """Re-run extraction on documents stored by another extractor version, replacing their claims atomically."""
    name = extractor_name(extractor)
    documents = claims_stored = 0
    failures: list[IngestError] = []
    for doc_id, stored_name in list(ledger.document_extractors()):
        if stored_name == name and not force:
            continue
        doc = ledger.document(doc_id)
        if doc is None:
            continue
        claims, problem = _safe_extract(extractor, doc)
        if problem is not None:
            failures.append(problem)
            continue
        ledger.replace_claims(doc_id, claims, name)
        documents += 1
        claims_stored += len(claims)
        if progress:
            progress("document", documents)
        _run_hooks(on_document_added, ledger, doc_id)
    return ReextractReport(documents=documents, claims=claims_stored, failed=tuple(failures))
