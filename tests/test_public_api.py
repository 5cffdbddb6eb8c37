"""The public API is what ``skyledger.__all__`` lists, and ``skyledger.extract`` is both the call and the package."""

from __future__ import annotations

import importlib

import skyledger


def test_public_api_exported_members_exist():
    for name in skyledger.__all__:
        assert hasattr(skyledger, name), name


def test_public_api_extract_is_callable_and_its_submodules_import():
    claims = skyledger.extract("Air defences shot down 3 drones over the Kursk region.", "2025-01-02", "en")
    assert [c.count for c in claims] == [3]
    engine = importlib.import_module("skyledger.extract.engine")
    assert engine.EXTRACTOR_NAME.startswith("skyledger.rules.")
    import skyledger.extract.weapons as weapons  # the "import a.b.c as m" form must keep working

    assert weapons.load_taxonomy().weapon_class_of("Kh-101") == "missile"
