"""The committed gazetteer is exactly what the build makes from the pinned packages."""

from __future__ import annotations

import gzip
import json
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

from skyledger.places import build
from skyledger.places.gazetteer import DATA_FILE

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def _pinned() -> dict[str, str]:
    deps = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    return dict(dep.split("==", 1) for dep in deps if "==" in dep)


def test_the_committed_file_records_the_pinned_versions():
    committed = json.loads(gzip.decompress(DATA_FILE.read_bytes()))
    pinned = _pinned()
    assert committed["built_from"] == {name: pinned[name] for name in build.PINNED}


@pytest.mark.slow
def test_rebuilding_reproduces_the_committed_file_byte_for_byte():
    pinned = _pinned()
    installed = {name: version(name) for name in build.PINNED}
    if any(installed[name] != pinned[name] for name in build.PINNED):
        pytest.skip(f"installed {installed} differ from pinned versions")
    assert build.serialise(build.build()) == DATA_FILE.read_bytes()
