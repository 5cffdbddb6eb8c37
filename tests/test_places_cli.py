"""`skyledger places TEXT` prints what the gazetteer resolves, as a table or JSON."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from skyledger.cli import app

runner = CliRunner()


def test_json_output_lists_each_mention_with_its_place():
    result = runner.invoke(app, ["places", "Drones over the Kursk and Belgorod regions and Kyiv", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["surface"], r["name"], r["code"], r["precision"]) for r in rows] == [
        ("Kursk", "Kursk Oblast", "RU-KRS", "admin1"),
        ("Belgorod regions", "Belgorod Oblast", "RU-BEL", "admin1"),
        ("Kyiv", "Kyiv", "UA-30", "city"),
    ]


def test_table_output_shows_canonical_names():
    result = runner.invoke(app, ["places", "на Харківщині", "--lang", "uk"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Kharkiv Oblast" in result.output and "UA-63" in result.output


def test_markup_like_text_does_not_break_the_table():
    result = runner.invoke(app, ["places", "[bold]Kursk[/bold] [/] ]]]"])
    assert result.exit_code == 0, result.output
    assert "Kursk" in result.output
