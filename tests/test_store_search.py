"""Full-text search finds documents by their words, highlights them, and never chokes on query syntax."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skyledger.models import Document, content_hash
from skyledger.store import Ledger, fts_query

TEXTS = [
    ("Air defence shot down 40 drones over the Odesa region overnight.", "Odesa raid"),
    ("Сили ППО збили 25 дронів над Харківщиною.", "Харків"),
    ("The ministry said a Kh-101 cruise missile was intercepted near Kyiv.", "Kh-101"),
]


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    opened = Ledger.open(tmp_path_factory.mktemp("search") / "l.db")
    for text, title in TEXTS:
        opened.add_document(Document(doc_id=content_hash(text, None), text=text, source=title, title=title), [])
    yield opened
    opened.close()


def test_words_find_their_document_with_the_hits_marked(ledger):
    (hit,) = ledger.search("drones Odesa")
    assert hit["title"] == "Odesa raid"
    assert "[drones]" in hit["snippet"] and "[Odesa]" in hit["snippet"]


def test_all_words_must_match(ledger):
    assert ledger.search("drones Kyiv") == []


def test_cyrillic_words_phrases_and_prefixes(ledger):
    assert [h["title"] for h in ledger.search("збили")] == ["Харків"]
    assert [h["title"] for h in ledger.search('"cruise missile"')] == ["Kh-101"]
    assert ledger.search('"missile cruise"') == []
    assert [h["title"] for h in ledger.search("interc*")] == ["Kh-101"]
    assert [h["title"] for h in ledger.search("Kh-101")] == ["Kh-101"]


def test_markers_are_the_callers_choice(ledger):
    (hit,) = ledger.search("Odesa", marks=("<<", ">>"))
    assert "<<Odesa>>" in hit["snippet"]


@pytest.mark.parametrize("query", [
    '"', '"unbalanced', "drones)", "((drones", "NEAR(drones Odesa)", "drones NEAR Odesa", "*", "drones AND",
    "OR", "NOT drones", "title:drones", "^drones", "-", "{title}: x", "'", "drones\x00", "", "   ",
])
def test_hostile_queries_never_error(ledger, query):
    assert isinstance(ledger.search(query), list)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_any_text_is_a_valid_query(query):
    expression = fts_query(query)
    if expression is None:
        return
    with Ledger.open(":memory:") as memory:
        memory.conn.execute("SELECT * FROM documents_fts WHERE documents_fts MATCH ?", (expression,)).fetchall()
