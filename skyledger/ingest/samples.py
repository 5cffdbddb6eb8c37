"""Where the sample corpus packaged with skyledger lives (``skyledger/samples/``)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import skyledger


def sample_corpus() -> Path:
    """The packaged sample directory; FileNotFoundError when this installation has none."""
    try:
        path = Path(str(resources.files("skyledger.samples")))
    except (ImportError, NotADirectoryError, TypeError):  # no package marker, or an editable-install quirk
        path = Path(skyledger.__file__).resolve().parent / "samples"
    if not path.is_dir():
        raise FileNotFoundError(f"no sample corpus at {path}")
    return path
