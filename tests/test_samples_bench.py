"""bench/extract_throughput.py: the corpus it builds and the keyword baseline it measures against.

The throughput figures themselves are not asserted (they depend on the machine);
what is checked is that the bench measures what bench/README.md says it does.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "extract_throughput.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("extract_throughput", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


@pytest.fixture(scope="module")
def background() -> list[str]:
    story = ("The council met on Tuesday to discuss the new bus timetable. Residents asked for more "
             "services at weekends. The mayor said a decision would be made next month.")
    return [f"{story} Story number {i} ends here." for i in range(40)]


def test_sample_reports_make_up_about_two_percent_of_documents(bench, background):
    samples = bench.sample_docs()
    docs, relevant = bench.build_corpus(0.3, background, samples)
    assert bench.megabytes(d.text for d in docs) >= 0.3
    assert abs(len(relevant) / len(docs) - 0.02) < 0.005
    assert all(docs[i].source != "bench:background" for i in relevant)
    assert all(docs[i].source == "bench:background" for i in range(len(docs)) if i not in relevant)


def test_only_relevant_sample_reports_are_mixed_in(bench):
    texts = {d.text for d in bench.sample_docs()}
    assert len(texts) >= 60
    assert not any("Patriot air defence systems to Ukraine by the end of the year" in t for t in texts)


def test_repeated_background_documents_are_distinct_strings_with_the_same_words(bench, background):
    first, again = bench.variant(background[0], 0), bench.variant(background[0], 1)
    assert first != again
    assert sorted(first.split()) == sorted(again.split())


def test_keyword_regex_finds_lexicon_words_on_word_boundaries_in_all_languages(bench):
    words, _ = bench.weapon_lexicon()
    pattern = bench.keyword_regex(words)
    text = "Russia launched 93 Shahed drones and a Kh-101; ПВО сбили 5 БПЛА, ППО збила 3 ракети. Kebab shops reopened."
    hits = {h for h in pattern.findall(text.lower())}
    assert {"shahed", "drones", "kh-101", "бпла", "ракети"} <= hits
    assert not any(h.startswith("keb") for h in hits)


def test_bench_runs_end_to_end_and_reports_both_ratios(bench, background, tmp_path, capsys):
    corpus = tmp_path / "background.txt"
    corpus.write_text("\n".join(background), encoding="utf-8")
    code = bench.main(["--mb", "0.2", "--spacy-mb", "0", "--background", str(corpus), "--json", "--no-pin"])
    result = json.loads(capsys.readouterr().out)
    assert code == 0
    assert result["corpus"]["mb"] >= 0.2 and result["corpus"]["sample_reports"] > 0
    names = [r["name"] for r in result["rows"]]
    assert names[:2] == ["skyledger extract", "keyword regex"]
    assert result["ratio_vs_keyword"] > 0 and result["ratio_vs_spacy"] is None
