"""Malformed inputs are reported with file (+ line/entry/message) and reason, and never stop a run."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from skyledger.ingest import IngestError, Limits, read_inputs
from skyledger.models import Document

FIXTURES = Path(__file__).parent / "fixtures" / "inputs"
BAD = FIXTURES / "bad"
GOOD = FIXTURES / "good"


def split(records) -> tuple[list[Document], list[IngestError]]:
    records = list(records)
    return ([r for r in records if isinstance(r, Document)], [r for r in records if isinstance(r, IngestError)])


def only_error(path: Path, limits: Limits = Limits()) -> IngestError:
    documents, errors = split(read_inputs([str(path)], limits))
    assert documents == []
    (error,) = errors
    assert error.source == str(path)
    return error


def test_truncated_jsonl_line_is_reported_with_its_line_and_the_other_lines_are_read():
    documents, errors = split(read_inputs([str(BAD / "truncated.jsonl")]))
    assert [d.url for d in documents] == ["https://trunc.example.com/1", "https://trunc.example.com/3"]
    (error,) = errors
    assert error.locator == "line=2"
    assert "invalid JSON" in error.reason
    assert error.where().endswith("truncated.jsonl#line=2")


def test_jsonl_line_that_is_not_an_object_or_lacks_text_is_reported(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_text('[1, 2]\n{"title": "no text"}\n{"text": 42}\n{"text": "Fine: 3 drones downed."}\n')
    documents, errors = split(read_inputs([str(path)]))
    assert len(documents) == 1
    assert [(e.locator, e.reason) for e in errors] == [
        ("line=1", "expected a JSON object, got list"),
        ("line=2", "missing 'text'"),
        ("line=3", "field 'text' must be a string"),
    ]


def test_truncated_telegram_export_is_reported():
    error = only_error(BAD / "truncated_telegram" / "result.json")
    assert error.reason.startswith("invalid JSON")


def test_invalid_utf8_is_reported_not_mangled(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Збито 20 дронів".encode("cp1251"))
    assert "invalid UTF-8" in only_error(path).reason


def test_invalid_utf8_on_one_jsonl_line_spoils_only_that_line(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"text": "Good line, 4 drones."}\n{"text": "\xff\xfe bad"}\n')
    documents, errors = split(read_inputs([str(path)]))
    assert len(documents) == 1
    assert errors[0].locator == "line=2" and "invalid UTF-8" in errors[0].reason


def test_utf16_text_with_a_byte_order_mark_is_read_not_refused(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes("Збито 20 дронів над Києвом.".encode("utf-16"))
    (doc,) = split(read_inputs([str(path)]))[0]
    assert doc.text == "Збито 20 дронів над Києвом."


def test_binary_file_named_txt_is_reported(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in only_error(path).reason


def test_html_page_without_a_body_is_reported():
    assert "no main text" in only_error(BAD / "no_body.html").reason


def test_empty_feed_is_reported():
    assert only_error(BAD / "empty_feed.xml").reason == "feed has no entries"


def test_text_that_is_not_a_feed_is_reported(tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text("<<< not xml at all")
    assert "not a valid RSS/Atom feed" in only_error(path).reason


def test_an_empty_feed_file_is_reported(tmp_path):
    path = tmp_path / "nothing.xml"
    path.write_bytes(b"")
    assert only_error(path).reason == "empty file"


def test_feed_entry_with_an_unreadable_date_is_reported_and_the_other_entries_are_read():
    documents, errors = split(read_inputs([str(BAD / "broken_dates.xml")]))
    assert [d.url for d in documents] == ["https://dates.example.net/1"]
    (error,) = errors
    assert error.locator == "entry=2"
    assert "unreadable date" in error.reason and "Smarch" in error.reason


def test_telegram_message_of_unknown_type_is_reported_and_the_others_are_read():
    documents, errors = split(read_inputs([str(BAD / "telegram" / "result.json")]))
    assert [d.url for d in documents] == ["https://t.me/c/888/10", "https://t.me/c/888/12"]
    (error,) = errors
    assert error.locator == "message=11"
    assert "unknown message type 'story_reaction'" == error.reason


def test_file_over_the_size_cap_is_refused_before_reading(tmp_path):
    cap = 1000
    under, over = tmp_path / "under.txt", tmp_path / "over.txt"
    under.write_text("Drones " * (cap // 7))
    over.write_text("x" * (cap + 1))
    limits = Limits(max_document_bytes=cap, max_file_bytes=cap)
    documents, errors = split(read_inputs([str(under), str(over)], limits))
    assert len(documents) == 1
    assert errors[0].source == str(over) and "over the" in errors[0].reason


def test_a_run_over_all_malformed_inputs_still_reads_every_good_document(tmp_path):
    shutil.copytree(BAD, tmp_path / "bad")
    shutil.copytree(GOOD, tmp_path / "good")
    (tmp_path / "bad" / "binary.txt").write_bytes(b"\x00\x01\x02")
    documents, errors = split(read_inputs([str(tmp_path)]))
    good_alone, _ = split(read_inputs([str(tmp_path / "good")]))
    assert {d.doc_id for d in good_alone} <= {d.doc_id for d in documents}
    assert all(e.reason for e in errors)
    failing = {Path(e.source).name for e in errors}
    assert {"binary.txt", "no_body.html", "empty_feed.xml", "broken_dates.xml", "truncated.jsonl",
            "result.json"} <= failing


@pytest.mark.slow
def test_a_200_mb_file_is_refused_by_the_default_cap(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: quick to create, no 200 MB written
        handle.truncate(200 * 1024 * 1024)
    assert os.path.getsize(path) == 200 * 1024 * 1024
    error = only_error(path)
    assert "200.0 MB" in error.reason and "limit" in error.reason
