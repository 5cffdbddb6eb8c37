"""``skyledger serve``: registers on the CLI, refuses what is not a ledger, hands the app to uvicorn."""

from __future__ import annotations

import pytest
import typer
from pg_server import pg_url  # noqa: F401 - fixture
from typer.testing import CliRunner

pytest.importorskip("fastapi")

from skyledger.api.testing import sample_ledger  # noqa: E402
from skyledger.cli import serve_cmd  # noqa: E402


@pytest.fixture
def cli():
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test group."""

    serve_cmd.register(app)
    return app


def test_api_serve_help_names_the_options(cli):
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--token"):
        assert option in result.output


def test_api_serve_refuses_a_missing_ledger(cli, tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no ledger here" in result.output


def test_api_serve_runs_uvicorn_read_only_by_default(cli, tmp_path_factory, monkeypatch):
    db = sample_ledger(tmp_path_factory.getbasetemp() / "api_sample.db")
    seen = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: seen.update(app=app, **kw))
    monkeypatch.delenv("SKYLEDGER_TOKEN", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8123
    assert seen["app"].state.token is None


def test_api_serve_token_from_the_environment(cli, tmp_path, monkeypatch):
    seen = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: seen.update(app=app))
    monkeypatch.setenv("SKYLEDGER_TOKEN", "from-env")
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "new.db")])
    assert result.exit_code == 0, result.output
    assert seen["app"].state.token == "from-env"  # a writable server may start from an empty ledger
    assert (tmp_path / "new.db").exists()


def test_api_serve_postgresql_url(cli, pg_url, monkeypatch):  # noqa: F811 - fixture
    seen = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: seen.update(app=app))
    monkeypatch.delenv("SKYLEDGER_TOKEN", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--db", pg_url])
    assert result.exit_code == 1 and "no ledger here" in result.output  # read-only: the database must hold one
    result = CliRunner().invoke(cli, ["serve", "--db", pg_url, "--token", "t"])
    assert result.exit_code == 0, result.output
    try:
        assert seen["app"].state.token == "t" and seen["app"].state.pool.ledger().stats()["documents"] == 0
    finally:
        seen["app"].state.pool.close()
