"""The sample corpus packaged with skyledger: short reports in every supported input style.

Everything under this package is original text written for skyledger; the figures
are the Ukrainian Air Force's as recorded in the *Massive Missile Attacks on
Ukraine* dataset, or clearly attributed claims of a named party.  ``MANIFEST.json``
lists every file (and every feed entry, Telegram message and JSONL line) with its
style, language, outlet, date and where its figures come from.
"""

from __future__ import annotations

import atexit
import json
from contextlib import ExitStack
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

MANIFEST_NAME = "MANIFEST.json"


@cache
def samples_dir() -> Path:
    """Directory holding the sample corpus (works for editable and wheel installs)."""
    resource = files(__name__)
    if isinstance(resource, Path):
        return resource
    # Zip installs: extract once and keep the copy until the interpreter exits.
    stack = ExitStack()
    atexit.register(stack.close)
    return Path(stack.enter_context(as_file(resource)))


def manifest() -> dict[str, Any]:
    """The parsed ``MANIFEST.json``."""
    return json.loads((samples_dir() / MANIFEST_NAME).read_text(encoding="utf-8"))


def sample_files() -> list[Path]:
    """Every corpus file listed in the manifest, in manifest order."""
    root = samples_dir()
    return [root / entry["path"] for entry in manifest()["files"]]
