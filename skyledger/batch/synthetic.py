"""Generated corpora for batch tests and ``bench/scale.py``: many documents, a few of them relevant.

Relevant documents are the packaged sample reports (en/ru/uk) with their
figures and publication days changed; the rest are neutral local news made of
common words.  Everything is seeded, so a corpus is reproducible.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

_NEUTRAL = (
    "the city council met on tuesday to discuss budget plans for schools roads and parks while local "
    "farmers reported a strong harvest season and the weather stayed mild across the province officials "
    "said a new library will open next spring after months of work residents welcomed the museum exhibition "
    "about river trade traffic on the bridge was slowed by repairs football fans celebrated a late win "
    "the bakery on main street marked its fiftieth year prices for bread and milk rose slightly this month"
).split()
_NUMBER = re.compile(r"(?<![\w.\-/])\d{1,3}(?![\w\-/])")


def _templates() -> list[dict[str, Any]]:
    from skyledger.ingest import read_inputs
    from skyledger.ingest.samples import sample_corpus
    from skyledger.models import Document

    docs = [d for d in read_inputs([str(sample_corpus())]) if isinstance(d, Document) and not d.items]
    return [{"title": d.title, "outlet": d.outlet, "lang": d.lang, "text": d.text} for d in docs]


def documents(n: int, relevant: float = 0.02, seed: int = 0) -> Iterator[dict[str, Any]]:
    """``n`` JSONL-ready records; about ``relevant`` of them report strikes."""
    rng = random.Random(seed)
    templates = _templates()
    pool = [" ".join(rng.choice(_NEUTRAL) for _ in range(rng.randrange(8, 16))).capitalize() + "."
            for _ in range(5000)]
    first = date(2025, 1, 1)
    for i in range(n):
        day = first + timedelta(days=rng.randrange(600))
        if rng.random() < relevant:
            template = rng.choice(templates)
            text = _NUMBER.sub(lambda m: str(rng.randrange(2, 400)), template["text"])
            yield {"url": f"https://synthetic.example.org/{seed}/{i}", "title": template["title"],
                   "outlet": template["outlet"], "lang": template["lang"], "published": day.isoformat(),
                   "text": text}
        else:
            text = " ".join(rng.choices(pool, k=rng.randrange(5, 13)))
            yield {"url": f"https://synthetic.example.org/{seed}/{i}", "title": f"Local news {i}",
                   "outlet": rng.choice(("Town Crier", "Valley Gazette", "Harbour Daily")), "lang": "en",
                   "published": day.isoformat(), "text": text}


def write_shards(folder: str | Path, n: int, shards: int = 4, fmt: str = "jsonl", relevant: float = 0.02,
                 seed: int = 0) -> list[Path]:
    """Write ``n`` documents as ``shards`` files of ``fmt`` (``jsonl``, ``jsonl.gz`` or ``parquet``)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    records = list(documents(n, relevant, seed)) if fmt == "parquet" else None
    paths = [folder / f"shard-{k:04d}.{fmt}" for k in range(shards)]
    per = -(-n // shards)
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        assert records is not None
        for k, path in enumerate(paths):
            pq.write_table(pa.Table.from_pylist(records[k * per:(k + 1) * per]), path,
                           row_group_size=max(1, per // 2))
        return paths
    stream = documents(n, relevant, seed)
    for k, path in enumerate(paths):
        opener = gzip.open if fmt == "jsonl.gz" else open
        with opener(path, "wt", encoding="utf-8") as handle:  # type: ignore[operator]
            for _, record in zip(range(per), stream):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return paths
