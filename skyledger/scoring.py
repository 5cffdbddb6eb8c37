"""Score extracted claims against gold claims (the FORMAT.md layout).

Matching rule (FORMAT.md): a predicted claim matches a gold claim when
``action``, ``weapon`` and ``count`` are equal; among several candidates, the
one agreeing most on sides, places and date.  Gold claims with ``count: null``
are ignored.  Pairs are assigned greedily, best agreement first, one-to-one.

Reported:
* precision / recall / F1 over claims;
* per-field accuracy on matched pairs (claimant_side, attacker_side,
  count_qualifier, weapon_model, locations as a set, date);
* location F1: micro-averaged over the places of matched pairs (a place
  counts as found when the same canonical name, case-insensitive, is on both
  sides) — it measures place resolution, separately from claim finding.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from skyledger.models import FORMAT_FIELDS

FIELDS_SCORED = ("claimant_side", "attacker_side", "count_qualifier", "weapon_model", "locations", "date")


class GoldFileError(ValueError):
    """A gold file line that is not a valid passage record."""


@dataclass(frozen=True, slots=True)
class Passage:
    id: str
    text: str
    published: str | None
    lang: str | None
    claims: tuple[dict[str, Any], ...]


def read_gold(path: str | Path) -> list[Passage]:
    out: list[Passage] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                out.append(Passage(str(d["id"]), d["text"], d.get("published"), d.get("lang"), tuple(d.get("claims") or ())))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise GoldFileError(f"{path}:{n}: not a gold passage ({exc})") from exc
    return out


def _norm(s: Any) -> Any:
    return s.casefold().strip() if isinstance(s, str) else s


def _places(c: dict[str, Any]) -> set[str]:
    return {_norm(p) for p in c.get("locations") or []}


def _agreement(p: dict[str, Any], g: dict[str, Any]) -> int:
    score = 0
    for f in ("claimant_side", "attacker_side", "date", "count_qualifier"):
        score += p.get(f) == g.get(f)
    score += 2 * len(_places(p) & _places(g)) - len(_places(p) ^ _places(g))
    return score


def _key(c: dict[str, Any]) -> tuple:
    return (c.get("action"), c.get("weapon"), c.get("count"))


def match(pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Index pairs (pred, gold), one-to-one, best agreement first."""
    candidates = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if _key(p) == _key(g):
                candidates.append((-_agreement(p, g), i, j))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return pairs


@dataclass
class Score:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    field_hits: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    loc_tp: int = 0
    loc_fp: int = 0
    loc_fn: int = 0

    def add(self, pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> list[tuple[int, int]]:
        gold = [g for g in gold if g.get("count") is not None]
        pred = [p for p in pred if p.get("count") is not None]
        pairs = match(pred, gold)
        self.predicted += len(pred)
        self.gold += len(gold)
        self.matched += len(pairs)
        for i, j in pairs:
            p, g = pred[i], gold[j]
            for f in FIELDS_SCORED:
                if f == "locations":
                    self.field_hits[f] += _places(p) == _places(g)
                else:
                    self.field_hits[f] += _norm(p.get(f)) == _norm(g.get(f))
            pp, gg = _places(p), _places(g)
            self.loc_tp += len(pp & gg)
            self.loc_fp += len(pp - gg)
            self.loc_fn += len(gg - pp)
        return pairs

    def as_dict(self) -> dict[str, Any]:
        p = self.matched / self.predicted if self.predicted else 1.0
        r = self.matched / self.gold if self.gold else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        lp = self.loc_tp / (self.loc_tp + self.loc_fp) if self.loc_tp + self.loc_fp else 1.0
        lr = self.loc_tp / (self.loc_tp + self.loc_fn) if self.loc_tp + self.loc_fn else 1.0
        lf = 2 * lp * lr / (lp + lr) if lp + lr else 0.0
        fields = {f: (self.field_hits[f] / self.matched if self.matched else None) for f in FIELDS_SCORED}
        return {
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
            "location_f1": round(lf, 4), "date_accuracy": None if fields["date"] is None else round(fields["date"], 4),
            "predicted": self.predicted, "gold": self.gold, "matched": self.matched,
            "fields": {k: (None if v is None else round(v, 4)) for k, v in fields.items()},
        }


Extractor = Callable[[str, str | None, str | None], list[dict[str, Any]]]


def evaluate(passages: Iterable[Passage], extractor: Extractor) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Overall and per-language scores, plus the per-passage predictions (the --dump lines)."""
    overall = Score()
    by_lang: dict[str, Score] = defaultdict(Score)
    dump = []
    for passage in passages:
        pred = extractor(passage.text, passage.published, passage.lang)
        overall.add(pred, list(passage.claims))
        by_lang[passage.lang or "?"].add(pred, list(passage.claims))
        dump.append({"id": passage.id, "claims": [{k: c.get(k) for k in FORMAT_FIELDS} for c in pred]})
    result = overall.as_dict()
    result["by_lang"] = {lang: s.as_dict() for lang, s in sorted(by_lang.items())}
    return result, dump


def skyledger_extractor(text: str, published: str | None, lang: str | None) -> list[dict[str, Any]]:
    from skyledger.extract import extract

    return [c.format_dict() for c in extract(text, published, lang)]
