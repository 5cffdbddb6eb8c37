"""Ingestion throughput: documents/s into a fresh SQLite ledger, with and without claim extraction.

Generates N deterministic pseudo-random reports (about 2 % mention drone or
missile figures, the rest are unrelated news), writes them as one JSONL file
and times ``skyledger.pipeline.ingest`` over it.

    .venv/bin/python bench/ingest_throughput.py --n 100000 --mode plain
    .venv/bin/python bench/ingest_throughput.py --n 20000 --mode both
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from skyledger.extract import extract_document
from skyledger.pipeline import extractor_name, ingest
from skyledger.store import Ledger

FILLER = ("council", "budget", "harvest", "museum", "railway", "festival", "school", "bridge", "market", "river",
          "election", "library", "weather", "stadium", "hospital", "theatre", "factory", "port", "court", "park")
REGIONS = ("Kyiv", "Kharkiv", "Odesa", "Dnipro", "Sumy", "Belgorod", "Kursk", "Bryansk", "Lviv", "Poltava")
RELEVANT = (
    "Russia launched {a} drones and {b} missiles at Ukraine overnight, the Ukrainian Air Force said. "
    "Air defence shot down {c} drones over the {r} region.",
    "Russian air defence systems destroyed {c} Ukrainian drones over the {r} region overnight, "
    "the Russian Defence Ministry said.",
)


def generate(n: int, relevant_share: float, seed: int, path: Path) -> int:
    """Write n reports as JSONL; returns how many are relevant."""
    rng = random.Random(seed)
    relevant = 0
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if rng.random() < relevant_share:
                relevant += 1
                a = rng.randint(20, 700)
                text = rng.choice(RELEVANT).format(a=a, b=rng.randint(0, 40), c=rng.randint(1, a),
                                                   r=rng.choice(REGIONS))
            else:
                words = [rng.choice(FILLER) for _ in range(rng.randint(40, 120))]
                text = f"Report {i} from {rng.choice(REGIONS)}: " + " ".join(words) + "."
            record = {"text": text, "url": f"https://bench.example/{seed}/{i}", "published": day,
                      "outlet": f"Bench Outlet {i % 17}"}
            handle.write(json.dumps(record) + "\n")
    return relevant


def no_extraction(doc):  # noqa: ANN001, ANN201 - a stand-in extractor for the storage-only run
    return []


no_extraction.name = "none"  # type: ignore[attr-defined]


def run(inputs: Path, db: Path, extractor) -> dict[str, object]:  # noqa: ANN001
    with Ledger.open(db) as ledger:
        started = time.perf_counter()
        report = ingest([str(inputs)], ledger, extractor=extractor)
        seconds = time.perf_counter() - started
    return {"extractor": extractor_name(extractor), "documents": report.new, "claims": report.claims,
            "failed": len(report.failed), "seconds": seconds, "docs_per_s": report.new / seconds if seconds else 0.0,
            "db_mb": sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 1e6}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="documents to generate")
    parser.add_argument("--relevant-share", type=float, default=0.02)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--mode", choices=("plain", "extract", "both"), default="both",
                        help="plain: storage only; extract: with skyledger's extractor")
    parser.add_argument("--workdir", type=Path, default=None, help="where the JSONL and ledgers go (temp dir)")
    args = parser.parse_args()

    console = Console(width=120)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        inputs = workdir / f"bench_{args.n}.jsonl"
        started = time.perf_counter()
        relevant = generate(args.n, args.relevant_share, args.seed, inputs)
        console.print(f"Generated {args.n} documents ({relevant} relevant) in {time.perf_counter() - started:.1f} s")
        modes = {"plain": [no_extraction], "extract": [extract_document],
                 "both": [no_extraction, extract_document]}[args.mode]
        results = []
        for extractor in modes:
            db = workdir / f"bench_{extractor_name(extractor).replace('/', '_')}.db"
            for stale in workdir.glob(db.name + "*"):
                stale.unlink()
            results.append(run(inputs, db, extractor))
        table = Table("extractor", "documents", "claims", "failed", "seconds", "docs/s", "ledger MB",
                      title=f"Ingest throughput, {args.n} documents")
        for r in results:
            table.add_row(str(r["extractor"]), str(r["documents"]), str(r["claims"]), str(r["failed"]),
                          f"{r['seconds']:.1f}", f"{r['docs_per_s']:.0f}", f"{r['db_mb']:.1f}")
        console.print(table)


if __name__ == "__main__":
    main()
