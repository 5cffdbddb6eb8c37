"""Language detection tells English, Russian and Ukrainian apart, even in short texts."""

from __future__ import annotations

import pytest

from skyledger.ingest import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Air defence shot down 20 drones over Kyiv overnight.", "en"),
        ("Сили ППО знешкодили 20 дронів над Києвом.", "uk"),  # і, є decide
        ("Над регионами России сбиты 64 беспилотника.", "ru"),  # ы decides
        ("ПВО за ночь сбили 31 украинский беспилотник над Брянской и Курской областями.", "ru"),  # no unique letters
        ("Ворог атакував ударними дронами Харків вночі, повідомив голова ОВА.", "uk"),
        ("12345 — 678", "en"),
        ("", "en"),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


def test_a_latin_name_inside_cyrillic_text_does_not_make_it_english():
    assert detect_language("Ракети Kh-101 та Kalibr збито над Київщиною, повідомили Повітряні сили.") == "uk"


def test_detection_agrees_with_the_shared_gold_passages():
    import json
    from pathlib import Path

    eval_dir = Path(__file__).resolve().parents[2] / "shared" / "eval"
    files = sorted(eval_dir.glob("*.jsonl")) if eval_dir.is_dir() else []
    if not files:
        pytest.skip("shared eval passages not available")
    records = [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    agree = sum(detect_language(r["text"]) == r["lang"] for r in records)
    assert agree / len(records) >= 0.97, f"{agree}/{len(records)}"
