"""The packaged sample corpus (skyledger/samples/): what it must hold and how its files must look.

These tests read the files directly (json, xml.etree, plain text) rather than
through skyledger.ingest, so that a broken sample is reported as a broken
sample and not as an ingest bug.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlparse

import pytest

from skyledger.samples import MANIFEST_NAME, manifest, samples_dir

SHARED = Path(__file__).resolve().parents[2] / "shared"
ATOM = {"a": "http://www.w3.org/2005/Atom"}
HEADER_KEYS = ("Title", "Outlet", "Published", "URL", "Lang")
EXAMPLE_DOMAIN = re.compile(r"(^|\.)example\.(org|com|net)$")
URL_IN_TEXT = re.compile(r"https?://[^\s\"'<>)]+")


# -- helpers -----------------------------------------------------------------

def corpus_files() -> list[Path]:
    """Every file of the corpus on disk (package code and the manifest excluded)."""
    root = samples_dir()
    return sorted(p for p in root.rglob("*")
                  if p.is_file() and p.name != MANIFEST_NAME and p.suffix not in {".py", ".pyc"}
                  and "__pycache__" not in p.parts)


def rel(path: Path) -> str:
    return path.relative_to(samples_dir()).as_posix()


def parse_text_file(path: Path) -> tuple[dict[str, str], str]:
    head, sep, body = path.read_text(encoding="utf-8").partition("\n\n")
    assert sep, f"{rel(path)}: no blank line after the header block"
    headers = {}
    for line in head.splitlines():
        key, colon, value = line.partition(": ")
        assert colon and key in HEADER_KEYS and value.strip(), f"{rel(path)}: malformed header line {line!r}"
        assert key not in headers, f"{rel(path)}: header {key} repeated"
        headers[key] = value
    return headers, body


def iso_date(value: str) -> date:
    return datetime.fromisoformat(value).date()


def telegram_text(text: str | list) -> str:
    return text if isinstance(text, str) else "".join(p if isinstance(p, str) else p["text"] for p in text)


def documents() -> list[tuple[str, str]]:
    """(id, text) of every document in the corpus, counted from the files themselves."""
    docs: list[tuple[str, str]] = []
    for path in corpus_files():
        name = rel(path)
        if path.suffix == ".txt":
            docs.append((name, parse_text_file(path)[1]))
        elif path.suffix == ".html":
            raw = path.read_text(encoding="utf-8")
            paragraphs = re.findall(r"<p[^>]*>(.*?)</p>", raw, flags=re.S)
            docs.append((name, "\n".join(re.sub(r"<[^>]+>", "", p) for p in paragraphs)))
        elif path.name == "result.json":
            export = json.loads(path.read_text(encoding="utf-8"))
            docs += [(f"{name}#{m['id']}", telegram_text(m["text"]))
                     for m in export["messages"] if m["type"] == "message"]
        elif path.suffix == ".xml":
            root = ET.parse(path).getroot()
            if root.tag == "rss":
                docs += [(f"{name}#{i}", it.findtext("title") + "\n" + it.findtext("description"))
                         for i, it in enumerate(root.iter("item"))]
            else:
                docs += [(f"{name}#{i}", e.findtext("a:title", namespaces=ATOM) + "\n"
                          + e.findtext("a:summary", namespaces=ATOM))
                         for i, e in enumerate(root.findall("a:entry", ATOM))]
        elif path.suffix == ".jsonl":
            lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            docs += [(f"{name}:{i + 1}", json.loads(line)["text"]) for i, line in enumerate(lines)]
        else:
            pytest.fail(f"unexpected file in the corpus: {name}")
    return docs


@pytest.fixture(scope="module")
def man() -> dict:
    return manifest()


@pytest.fixture(scope="module")
def entries(man) -> list[dict]:
    """One manifest record per document: file records, or their per-entry records."""
    out = []
    for f in man["files"]:
        out += f.get("entries") or [f]
    return out


# -- size and coverage -------------------------------------------------------

def test_corpus_holds_at_least_sixty_documents_and_the_manifest_counts_them_right(man):
    docs = documents()
    assert len(docs) >= 60
    assert man["documents_total"] == len(docs) == sum(f["documents"] for f in man["files"])


def test_manifest_lists_every_file_on_disk_and_nothing_else(man):
    assert {f["path"] for f in man["files"]} == {rel(p) for p in corpus_files()}


def test_manifest_has_one_record_per_message_feed_entry_and_jsonl_line(man):
    for f in man["files"]:
        if f["format"] in {"telegram_json", "rss", "atom", "jsonl"}:
            ids = [d for d, _ in documents() if d.startswith(f["path"] + "#") or d.startswith(f["path"] + ":")]
            assert len(f["entries"]) == len(ids) == f["documents"], f["path"]


def test_every_style_and_input_format_is_present(man, entries):
    styles = Counter(e["style"] for e in entries)
    for style in ("wire", "liveblog", "official_statement", "telegram_post", "feed_item", "html_article"):
        assert styles[style] > 0, style
    assert {f["format"] for f in man["files"]} >= {"text", "html", "telegram_json", "rss", "atom", "jsonl"}
    assert 3 <= sum(f["format"] == "html" for f in man["files"]) <= 4
    assert 2 <= styles["liveblog"] <= 3


def test_mix_is_mostly_wire_copy_with_russian_and_ukrainian_statements(entries):
    n = len(entries)
    assert 0.45 <= sum(e["style"] == "wire" for e in entries) / n <= 0.65
    ru_uk_statements = [e for e in entries if e["style"] == "official_statement" and e["lang"] in {"ru", "uk"}]
    assert 0.10 <= len(ru_uk_statements) / n <= 0.20
    assert {e["lang"] for e in entries} >= {"en", "ru", "uk"}


def test_about_ten_irrelevant_items_are_marked_as_such(entries):
    irrelevant = [e for e in entries if not e["relevant"]]
    assert 10 <= len(irrelevant) <= 20
    assert all(e["facts"]["source"] == "own" for e in irrelevant)


def test_every_entry_says_where_its_figures_come_from(entries):
    for e in entries:
        assert e["facts"]["source"] in {"own", "missile_attacks_daily.csv"}
        if e["facts"]["source"] == "own":
            assert e["facts"]["note"]
        else:
            assert e["facts"]["rows"]


# -- every file parses -------------------------------------------------------

@pytest.mark.parametrize("path", [p for p in corpus_files() if p.suffix == ".txt"], ids=rel)
def test_text_reports_have_a_well_formed_header_and_a_body(path):
    headers, body = parse_text_file(path)
    assert {"Title", "Outlet", "Published"} <= headers.keys()
    assert date(2024, 10, 1) <= iso_date(headers["Published"]) <= date(2026, 3, 31)
    assert headers.get("Lang", "en") in {"en", "ru", "uk"}
    if "URL" in headers:
        assert EXAMPLE_DOMAIN.search(urlparse(headers["URL"]).hostname)
    assert body.strip() and not body.startswith("\n")


@pytest.mark.parametrize("path", [p for p in corpus_files() if "liveblog" in p.parts], ids=rel)
def test_live_blog_items_start_with_a_headline_line_without_final_period(path):
    _, body = parse_text_file(path)
    items = [block.split("\n") for block in body.strip().split("\n\n")]
    assert len(items) >= 4
    for lines in items:
        headline, rest = lines[0], lines[1:]
        assert rest and not headline.endswith(".") and len(headline) < 80, headline


@pytest.mark.parametrize("path", [p for p in corpus_files() if p.suffix == ".html"], ids=rel)
def test_html_pages_are_full_article_pages(path):
    raw = path.read_text(encoding="utf-8")
    for needle in ('property="og:title"', 'property="og:site_name"', 'property="article:published_time"',
                   "<nav", "<footer", "<article"):
        assert needle in raw, needle
    assert re.search(r"Read next|Читайте также", raw)
    published = re.search(r'property="article:published_time" content="([^"]+)"', raw).group(1)
    assert date(2024, 10, 1) <= iso_date(published) <= date(2026, 3, 31)


def test_telegram_export_follows_the_telegram_desktop_layout():
    export = json.loads((samples_dir() / "telegram" / "result.json").read_text(encoding="utf-8"))
    assert export["type"] == "public_channel" and export["name"] and isinstance(export["id"], int)
    kinds = Counter(m["type"] for m in export["messages"])
    assert kinds["service"] == 1 and kinds["message"] >= 8
    assert any(isinstance(m["text"], list) for m in export["messages"])
    for m in export["messages"]:
        assert {"id", "type", "date", "date_unixtime", "text", "text_entities"} <= m.keys()
        datetime.fromisoformat(m["date"])
        assert m["date_unixtime"].isdigit()
        assert "".join(e["text"] for e in m["text_entities"]) == telegram_text(m["text"])
    ids = [m["id"] for m in export["messages"]]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


def test_feeds_parse_and_every_entry_has_title_link_date_and_text():
    rss = ET.parse(samples_dir() / "feeds" / "eastern-desk_rss.xml").getroot()
    items = rss.findall("./channel/item")
    assert rss.get("version") == "2.0" and len(items) >= 5
    for it in items:
        assert it.findtext("title") and it.findtext("link") and it.findtext("description")
        datetime.strptime(it.findtext("pubDate"), "%a, %d %b %Y %H:%M:%S %z")
    atom = ET.parse(samples_dir() / "feeds" / "steppe-courier_atom.xml").getroot()
    entries = atom.findall("a:entry", ATOM)
    assert len(entries) >= 4
    for e in entries:
        assert e.findtext("a:title", namespaces=ATOM) and e.findtext("a:summary", namespaces=ATOM)
        assert e.find("a:link", ATOM).get("href")
        datetime.fromisoformat(e.findtext("a:updated", namespaces=ATOM))


def test_jsonl_documents_carry_the_documented_fields():
    for path in (samples_dir() / "jsonl").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            assert set(doc) == {"text", "url", "outlet", "published", "lang", "title"}
            assert doc["lang"] in {"en", "ru", "uk"}
            iso_date(doc["published"])


def test_all_links_point_to_reserved_example_domains():
    for path in corpus_files():
        for url in URL_IN_TEXT.findall(path.read_text(encoding="utf-8")):
            host = urlparse(url).hostname
            if host in {"www.w3.org", "purl.org"}:  # XML namespace identifiers
                continue
            assert EXAMPLE_DOMAIN.search(host), f"{rel(path)}: {url}"


# -- reconciliation material -------------------------------------------------

def test_reconciliation_cases_are_present_and_point_at_real_files(man):
    kinds = Counter(case["kind"] for case in man["reconciliation"])
    assert kinds["multi_source"] >= 1 and kinds["near_duplicate"] >= 1 and kinds["revision"] >= 1
    assert kinds["ru_mod_vs_governor"] >= 1 and kinds["breakdown_mismatch"] >= 2
    listed = {f["path"] for f in man["files"]}
    for case in man["reconciliation"]:
        for path in case["paths"]:
            assert path.partition("#")[0] in listed


def test_near_duplicate_has_the_same_body_under_a_different_header(man):
    for case in (c for c in man["reconciliation"] if c["kind"] == "near_duplicate"):
        (h1, b1), (h2, b2) = (parse_text_file(samples_dir() / p) for p in case["paths"])
        assert b1 == b2
        assert h1["Outlet"] != h2["Outlet"] and h1["Title"] != h2["Title"]


def test_revision_is_the_same_outlet_later_the_same_day(man):
    for case in (c for c in man["reconciliation"] if c["kind"] == "revision"):
        (h1, _), (h2, _) = (parse_text_file(samples_dir() / p) for p in case["paths"])
        assert h1["Outlet"] == h2["Outlet"]
        t1, t2 = datetime.fromisoformat(h1["Published"]), datetime.fromisoformat(h2["Published"])
        assert t1.date() == t2.date() and t1 < t2


# -- figures taken from the Air Force data -----------------------------------

def test_at_least_eight_air_force_reports_are_checked_against_csv_rows(man):
    checks = man["mma_checks"]
    assert len(checks) >= 8
    for check in checks:
        headers, body = parse_text_file(samples_dir() / check["path"])
        assert headers["Lang"] == "uk"
        for row in check["rows"]:
            assert {"time_start", "time_end", "model", "launched", "destroyed", "not_reach_goal"} <= row.keys()
            for field in ("launched", "destroyed", "not_reach_goal"):
                if row[field] is not None and row[field] >= 10:
                    assert re.search(rf"(?<!\d){row[field]}(?!\d)", body), (check["path"], row["model"], field)


def test_csv_sourced_figures_match_the_shared_dataset(entries):
    path = SHARED / "eval" / "missile_attacks_daily.csv"
    if not path.exists():
        pytest.skip("shared evaluation data not available")
    with path.open(encoding="utf-8") as f:
        table = {(r["time_start"].strip(), r["time_end"].strip(), r["model"]): r
                 for r in csv.DictReader(f) if r["source"].startswith("kpszsu")}

    def num(value: str) -> int | None:
        return int(float(value)) if value.strip() else None

    for e in entries:
        for row in e["facts"].get("rows", []):
            src = table[(row["time_start"], row["time_end"], row["model"])]
            assert (row["launched"], row["destroyed"], row["not_reach_goal"]) == (
                num(src["launched"]), num(src["destroyed"]), num(src["not_reach_goal"]))


# -- originality -------------------------------------------------------------

def _shingles(text: str, n: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_no_run_of_eight_words_is_copied_from_the_shared_passages():
    if not SHARED.is_dir():
        pytest.skip("shared material not available")
    shared: set[tuple[str, ...]] = set()
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        shared |= _shingles(path.read_text(encoding="utf-8"))
    for path in sorted((SHARED / "eval").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                shared |= _shingles(json.loads(line).get("text") or "")
    assert shared, "shared passages found but empty"
    copied = {doc: sorted(_shingles(text) & shared)[:3] for doc, text in documents()}
    assert not {doc: runs for doc, runs in copied.items() if runs}
