"""Each reader turns a well-formed input into Documents with the right text and metadata."""

from __future__ import annotations

from pathlib import Path

from skyledger.ingest import IngestError, read_inputs
from skyledger.ingest.feeds import read_feed
from skyledger.ingest.html import read_html
from skyledger.ingest.jsonl import read_jsonl
from skyledger.ingest.telegram import read_telegram
from skyledger.ingest.text import read_text, split_header
from skyledger.models import Document, content_hash

GOOD = Path(__file__).parent / "fixtures" / "inputs" / "good"


def docs(records) -> list[Document]:
    records = list(records)
    assert not [r for r in records if isinstance(r, IngestError)], records
    return records


def test_text_header_lines_become_metadata_and_leave_the_body():
    (doc,) = docs(read_text(GOOD / "night_report.txt"))
    assert doc.title == "Air force tallies overnight attack"
    assert doc.published == "2025-07-09"
    assert doc.outlet == "Fixture Wire"
    assert doc.url == "https://fixture.example.org/2025/07/09/night"
    assert doc.lang == "en"
    assert doc.text.startswith("Russia sent 728 drones")
    assert "Title:" not in doc.text
    assert doc.doc_id == content_hash(doc.text, doc.url)


def test_text_without_header_keeps_every_line_and_detects_language():
    (doc,) = docs(read_text(GOOD / "zvedennia.txt"))
    assert doc.text.startswith("У ніч на 9 липня")
    assert doc.lang == "uk"
    assert doc.published is None and doc.url is None
    assert doc.source == str(GOOD / "zvedennia.txt")


def test_a_first_line_that_only_looks_like_a_header_stays_text():
    meta, body = split_header("Kyiv: 20 drones were shot down overnight.\nMore text.")
    assert meta == {}
    assert body.startswith("Kyiv: 20 drones")


def test_html_main_text_and_metadata_come_from_the_page():
    (doc,) = docs(read_html(GOOD / "article.html"))
    assert doc.title == "Drone raid on the capital"
    assert doc.outlet == "Fixture Herald"
    assert doc.url == "https://herald.example.net/2025/06/17/raid"
    assert doc.published and doc.published.startswith("2025-06-17")
    assert "440 drones and 32 missiles" in doc.text
    assert "Home" not in doc.text.split("\n")[0]  # navigation is not main text


def test_jsonl_each_line_is_a_document_with_its_own_fields():
    found = docs(read_jsonl(GOOD / "reports.jsonl"))
    assert len(found) == 3
    first, second, live = found
    assert first.outlet == "Fixture Press" and first.published == "2025-08-16" and first.lang == "en"
    assert first.source.endswith("reports.jsonl#line=1")
    assert second.lang == "ru"
    assert second.published == "2025-01-05T06:00:00+03:00"  # the zone is kept: the local day matters


def test_jsonl_entries_become_items_whose_offsets_slice_the_text():
    live = docs(read_jsonl(GOOD / "reports.jsonl"))[2]
    assert len(live.items) == 2
    assert live.text[live.items[0].start:live.items[0].end].startswith("The air force says 539 drones")
    assert live.text[live.items[1].start:live.items[1].end].startswith("Kyiv's mayor says")
    assert live.items[0].title == "07:10"
    assert live.items[0].published == "2025-07-04T07:10:00+03:00"


def test_rss_entries_are_separate_documents_each_with_its_own_date():
    found = docs(read_feed(GOOD / "feed_rss.xml"))
    assert [d.published for d in found] == ["2025-12-16T08:30:00+00:00", "2025-12-24T11:00:00+00:00"]
    assert {d.outlet for d in found} == {"Fixture Desk"}
    assert found[0].url == "https://desk.example.net/2025/12/16/69"
    assert found[0].text == "Russia attacked with 69 drones overnight; air defence downed 57 of them."
    assert found[0].source.endswith("feed_rss.xml#entry=1")


def test_atom_entry_content_is_read():
    (doc,) = docs(read_feed(GOOD / "feed_atom.xml"))
    assert doc.title == "96 of 105 drones shot down"
    assert "96 of 105 drones" in doc.text and "<p>" not in doc.text
    assert doc.published == "2026-02-28T08:40:00+00:00"


def test_telegram_messages_flatten_entities_and_link_back_to_the_message():
    found = docs(read_telegram(GOOD / "telegram" / "result.json"))
    assert [d.source.rsplit("#", 1)[1] for d in found] == ["message=2", "message=4"]  # service and photo-only skipped
    first = found[0]
    assert first.text.startswith("Ранкове зведення\n\nУ ніч на 13 листопада")
    assert "Збито 113 дронів." in first.text
    assert first.outlet == "Fixture Monitor"
    assert first.published == "2025-11-13T09:05:00"
    assert first.url == "https://t.me/c/777/2"
    assert first.lang == "uk"
    assert found[1].lang == "en"


def test_reading_a_directory_finds_every_kind_recursively():
    found = docs(read_inputs([str(GOOD)]))
    kinds = {Path(d.source.split("#")[0]).suffix or Path(d.source).name for d in found}
    assert kinds == {".txt", ".html", ".jsonl", ".xml", ".json"}
    assert len(found) == 2 + 1 + 3 + 3 + 2
    assert len({d.doc_id for d in found}) == len(found)


def test_reading_is_deterministic():
    first = [d.to_dict() for d in read_inputs([str(GOOD)])]
    second = [d.to_dict() for d in read_inputs([str(GOOD)])]
    assert first == second


def test_the_shared_gold_files_ingest_as_one_document_per_passage():
    eval_dir = Path(__file__).resolve().parents[2] / "shared" / "eval"
    files = sorted(eval_dir.glob("*.jsonl")) if eval_dir.is_dir() else []
    if not files:
        import pytest

        pytest.skip("shared eval passages not available")
    import json

    records = [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    found = docs(read_inputs([str(f) for f in files]))
    assert len(found) == len(records)
    assert [d.lang for d in found] == [r["lang"] for r in records]
    assert [d.url for d in found] == [r.get("url") for r in records]
    assert [(d.published or "")[:10] for d in found] == [(r.get("published") or "")[:10] for r in records]
