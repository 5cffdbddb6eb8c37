"""``POST /api/ingest``: the one write, only with the bearer token configured when the server started.

Documents arrive as JSON (``{"documents": [{"text", "title", "url", "outlet",
"published", "lang"}, …]}``, the JSON Lines fields of docs/inputs.md) or as
uploaded files (multipart field ``files``: text, HTML, JSONL, feeds, Telegram
``result.json``).  They are written to a private temporary folder and read by
``skyledger.pipeline.ingest`` like any local input: URLs are never fetched on
a client's behalf.  Without a configured token the endpoint is off (403).
"""

from __future__ import annotations

import hmac
import json
import re
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from skyledger import pipeline
from skyledger.api.envelope import ApiError, ok

router = APIRouter(prefix="/api", tags=["ingest"])

MAX_BODY_BYTES = 20 * 1024 * 1024
MAX_DOCUMENTS = 1000
_FIELDS = ("text", "entries", "title", "url", "outlet", "published", "lang")
_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".xml", ".rss", ".atom",
             ".json"}


def check_token(request: Request) -> None:
    """401 unless the request carries the configured token (compared in constant time); 403 when none is set."""
    expected: str | None = request.app.state.token
    if not expected:
        raise ApiError(403, "ingest is off: the server was started without a token")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise ApiError(401, "a valid 'Authorization: Bearer <token>' header is required")


def _json_documents(body: Any) -> list[dict[str, Any]]:
    docs = body.get("documents") if isinstance(body, dict) else None
    if not isinstance(docs, list) or not docs:
        raise ApiError(422, "expected {\"documents\": [{\"text\": ...}, ...]}",
                       [{"location": "body.documents", "message": "a non-empty list of documents is required"}])
    if len(docs) > MAX_DOCUMENTS:
        raise ApiError(413, f"at most {MAX_DOCUMENTS} documents per request")
    errors = []
    for i, doc in enumerate(docs):
        if not isinstance(doc, dict) or not (isinstance(doc.get("text"), str) or isinstance(doc.get("entries"), list)):
            errors.append({"location": f"body.documents.{i}", "message": "needs a 'text' string (or 'entries')"})
    if errors:
        raise ApiError(422, "invalid documents", errors)
    return [{k: doc[k] for k in _FIELDS if k in doc} for doc in docs]


def _safe_name(name: str, index: int) -> str:
    path = Path(name or f"upload-{index}")
    suffix = path.suffix.lower()
    if suffix not in _SUFFIXES:
        raise ApiError(415, f"cannot read {path.name[:80]!r}: use one of {', '.join(sorted(_SUFFIXES))}")
    if suffix == ".json":
        return "result.json"  # a Telegram export is recognised by this name
    stem = re.sub(r"[^\w.-]+", "_", path.stem)[:80] or "upload"
    return f"{stem}{suffix}"


async def _write_inputs(request: Request, folder: Path) -> list[str]:
    size = int(request.headers.get("content-length") or 0)
    if size > MAX_BODY_BYTES:
        raise ApiError(413, f"request body over {MAX_BODY_BYTES // (1024 * 1024)} MB")
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        form = await request.form(max_files=100)
        uploads = [v for v in form.getlist("files") if isinstance(v, UploadFile)]
        if not uploads:
            raise ApiError(422, "no files uploaded", [{"location": "body.files", "message": "field required"}])
        paths = []
        for i, upload in enumerate(uploads):
            target = folder / str(i) / _safe_name(upload.filename or "", i)
            target.parent.mkdir()
            target.write_bytes(await upload.read())
            paths.append(str(target))
        return paths
    if content_type.startswith("application/json"):
        try:
            body = json.loads(await request.body())
        except ValueError:
            raise ApiError(422, "the body is not valid JSON") from None
        target = folder / "documents.jsonl"
        target.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in _json_documents(body)),
                          encoding="utf-8")
        return [str(target)]
    raise ApiError(415, "send application/json or multipart/form-data")


@router.post("/ingest", summary="Store reports (JSON documents or files); needs the bearer token")
async def ingest_endpoint(request: Request) -> dict[str, Any]:
    check_token(request)
    pool = request.app.state.pool
    with tempfile.TemporaryDirectory(prefix="skyledger-ingest-") as tmp:
        inputs = await _write_inputs(request, Path(tmp))

        def run() -> pipeline.IngestReport:
            with pool.writer() as ledger:
                return pipeline.ingest(inputs, ledger)

        report = await run_in_threadpool(run)
    pool.refresh()
    return ok(report.to_dict())
