"""Scoring predicted event records against gold records.

The rules are those of ``../shared/design/DESIGN.md`` ("Scoring"), which
``../shared/tools/score.py`` implements for reference; the figures here agree
with it (a test checks this on the shared sets). Per document, each gold
event takes the unused prediction with the same primary type (or one of the
gold's ``event_alt``) and an overlapping dyad that agrees on the most further
fields:

- actor codes overlap (IGO, UNO and EUR count as one family); a reciprocal
  gold event that lists every party as actor and has no recipient also
  matches a prediction that splits the parties into actor and recipient;
- where the gold names a recipient, recipient codes overlap;
- required gold events are matched before ``optional`` ones, and optional
  ones never count as missed or spurious;
- legacy PLOVER names in older gold (DEMAND, DISAPPROVE, FIGHT, INVESTIGATE,
  YIELD, ENGAGE) become their PLOVER 2.0 types.

On matched pairs, every further field the gold states is checked: actor and
recipient names, the date within its precision, status, factuality,
communication kind and channel, and attribution sources.

Beyond the reference figures, :class:`Evaluation` keeps a per-type confusion
table and the individual error cases. A missed gold event whose dyad is
found among the unused predictions under another type is a *confusion*: it
still counts once as missed and once as spurious, and the table shows the
pair (gold type, predicted type). The table's totals agree with the
counts: matched pairs and confusions plus missed make the required gold
events; matched pairs and confusions plus unexplained spurious make the
counted predictions.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .errors import InputError

# PLOVER 0.x names in older gold files, mapped to PLOVER 2.0 types.
LEGACY_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT",
                "INVESTIGATE": "ACCUSE", "YIELD": "CONCEDE", "ENGAGE": "COOPERATE"}
IGO_FAMILY = frozenset({"IGO", "UNO", "EUR"})
CODE_FIXES = {"JAP": "JPN"}
FIELDS = ("actor_name", "recipient_name", "date", "factuality", "status",
          "communication_kind", "attribution", "channel")
NO_TYPE = "(none)"

Record = Mapping[str, Any]


# -- reading ---------------------------------------------------------------------------------
def load_records(path: str | Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSON Lines file; a bad line raises InputError naming file and line."""
    rows: list[dict[str, Any]] = []
    try:
        f = open(path, encoding="utf-8")
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror or e}") from None
    with f:
        try:
            for n, line in enumerate(f, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as e:
                    raise InputError(f"{path}:{n}", f"malformed JSON: {e.msg} at column {e.colno}") from None
                if not isinstance(row, dict):
                    raise InputError(f"{path}:{n}", f"expected a JSON object, got {type(row).__name__}")
                if "doc_id" not in row:
                    raise InputError(f"{path}:{n}", "record has no 'doc_id'")
                rows.append(row)
        except UnicodeDecodeError as e:
            raise InputError(str(path), f"not valid UTF-8 (byte at offset {e.start})") from None
    return rows


# -- the matching rules ----------------------------------------------------------------------
def _as_list(v: Any) -> list[Any]:
    if v is None or v == "":
        return []
    return v if isinstance(v, list) else [v]


def event_type(v: Any) -> str:
    """The primary PLOVER type of an ``event`` field, legacy names mapped."""
    t = str((_as_list(v) or [""])[0]).upper()
    return LEGACY_TYPES.get(t, t)


def _codes(entities: Any) -> set[str]:
    out: set[str] = set()
    for e in _as_list(entities):
        c = (e.get("code") or e.get("country") or "") if isinstance(e, dict) else str(e)
        c = c.upper()
        c = CODE_FIXES.get(c, c)
        if c:
            out.add(c)
    return out


def _names(entities: Any) -> set[str]:
    return {str(e["name"]).strip().lower() for e in _as_list(entities)
            if isinstance(e, dict) and e.get("name")}


def _overlap(gold: set[str], pred: set[str]) -> bool:
    return bool(gold & pred) or (bool(gold & IGO_FAMILY) and bool(pred & IGO_FAMILY))


def dyad_matches(g: Record, p: Record) -> bool:
    ga, gr = _codes(g.get("actor")), _codes(g.get("recipient"))
    pa, pr = _codes(p.get("actor")), _codes(p.get("recipient"))
    if ga and not _overlap(ga, pa):
        reciprocal = not gr and len(ga) > 1
        if not (reciprocal and _overlap(ga, pa | pr)):
            return False
    return not gr or _overlap(gr, pr)


def type_matches(g: Record, p: Record) -> bool:
    allowed = {event_type(g.get("event"))} | {event_type(t) for t in _as_list(g.get("event_alt"))}
    return event_type(p.get("event")) in allowed


def _date_matches(g: Record, p: Record) -> bool | None:
    gd, pd = str(g.get("date") or ""), str(p.get("date") or "")
    if not gd:
        return None
    precision = g.get("date_precision", "day")
    if precision == "day" and len(gd) >= 10 and len(pd) >= 10:
        try:
            days = abs((date.fromisoformat(gd[:10]) - date.fromisoformat(pd[:10])).days)
        except ValueError:
            return False
        return days <= int(g.get("date_tolerance_days", 1))
    n = {"year": 4, "month": 7}.get(precision, 10)
    return pd[:n] == gd[:n]


def _entity_names(values: Iterable[Any]) -> set[str]:
    return {str(v.get("name") if isinstance(v, dict) else v).lower() for v in values}


def field_checks(g: Record, p: Record) -> dict[str, bool | None]:
    """Agreement of a matched pair on each further field; None where the gold says nothing."""
    out: dict[str, bool | None] = {}
    for key in ("actor", "recipient"):
        gn = _names(g.get(key))
        out[f"{key}_name"] = bool(gn & _names(p.get(key))) if gn else None
    out["date"] = _date_matches(g, p)
    for key in ("factuality", "status"):
        gv = g.get(key)
        out[key] = str(gv).lower() == str(p.get(key) or "").lower() if gv else None
    gcomm = g.get("communication") or {}
    pcomm: dict[str, Any] = p["communication"] if isinstance(p.get("communication"), dict) else {}
    kinds = {str(k).lower() for k in _as_list(gcomm.get("kind"))}
    out["communication_kind"] = str(pcomm.get("kind") or "").lower() in kinds if kinds else None
    sources = {str(s).lower() for s in _as_list((g.get("attribution") or {}).get("sources"))}
    out["attribution"] = (bool(sources & _entity_names(_as_list((p.get("attribution") or {}).get("sources"))))
                          if sources else None)
    channel = {str(s).lower() for s in _as_list(gcomm.get("channel"))}
    out["channel"] = bool(channel & _entity_names(_as_list(pcomm.get("channel")))) if channel else None
    return out


# -- results ---------------------------------------------------------------------------------
@dataclass(slots=True)
class Case:
    """One error: a missed gold event, a spurious prediction, or a matched pair wrong on a field."""

    kind: str  # "missed" | "spurious" | "wrong <field>"
    doc_id: str
    gold: dict[str, Any] | None = None
    pred: dict[str, Any] | None = None
    confused_with: dict[str, Any] | None = None  # a missed event's dyad, predicted under another type

    def sentence(self, texts: Mapping[str, str] | None = None) -> str:
        """The sentence that shows the case: the prediction's, the gold's, or the document's."""
        for r in (self.pred, self.confused_with, self.gold):
            if r and r.get("text"):
                return str(r["text"])
        if texts and self.doc_id in texts:
            return texts[self.doc_id]
        if self.gold and self.gold.get("markup"):
            return str(self.gold["markup"])
        return ""

    def to_dict(self, texts: Mapping[str, str] | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "doc_id": self.doc_id, "what": describe(self),
                             "sentence": self.sentence(texts)}
        for key in ("gold", "pred", "confused_with"):
            if getattr(self, key) is not None:
                d[key] = getattr(self, key)
        return d


@dataclass(slots=True)
class Confusion:
    """Gold type × predicted type over dyad-matched pairs, and what stayed alone."""

    matrix: Counter[tuple[str, str]] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)
    spurious: Counter[str] = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        table: dict[str, dict[str, int]] = defaultdict(dict)
        for (g, p), n in sorted(self.matrix.items()):
            table[g][p] = n
        return {"matrix": dict(table), "missed": dict(sorted(self.missed.items())),
                "spurious": dict(sorted(self.spurious.items()))}


@dataclass(slots=True)
class Evaluation:
    """The figures of one scoring run; ``to_dict`` has the reference scorer's keys and more."""

    docs: int = 0
    pred_events: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fields: dict[str, list[int]] = field(default_factory=dict)  # name -> [correct, of]
    confusion: Confusion = field(default_factory=Confusion)
    per_type: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    cases: list[Case] = field(default_factory=list)
    # confidence bin (0..9: [0.0, 0.1) ... [0.9, 1.0]) -> [predicted, matched, matched with every field right]
    reliability: dict[int, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    outcomes: list[tuple[Record, bool]] = field(default_factory=list)  # each prediction, matched or not

    def note_confidence(self, pred: Record, matched: bool, fields_right: bool) -> None:
        self.outcomes.append((pred, matched))
        try:
            c = float(pred.get("confidence"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return
        row = self.reliability[min(9, max(0, int(c * 10)))]
        row[0] += 1
        row[1] += int(matched)
        row[2] += int(matched and fields_right)

    def reliability_table(self) -> list[dict[str, Any]]:
        """Per confidence bin: how many predictions, and how many matched a gold event (and
        were right on every field checked): a calibrated confidence has precision near the bin."""
        out = []
        for b in sorted(self.reliability):
            n, matched, right = self.reliability[b]
            out.append({"confidence": f"{b / 10:.1f}-{(b + 1) / 10:.1f}", "events": n, "matched": matched,
                        "fully_right": right, "precision": round(matched / n, 4) if n else None,
                        "fully_right_share": round(right / n, 4) if n else None})
        return out

    @property
    def gold_events(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        per_type = {}
        for t, c in sorted(self.per_type.items()):
            tp, fp, fn = c["tp"], c["fp"], c["fn"]
            per_type[t] = {"gold": tp + fn, "tp": tp, "fp": fp, "fn": fn,
                           "precision": round(tp / (tp + fp), 4) if tp + fp else None,
                           "recall": round(tp / (tp + fn), 4) if tp + fn else None}
        return {
            "docs": self.docs, "gold_events": self.gold_events, "pred_events": self.pred_events,
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "spurious_per_doc": round(self.fp / self.docs, 4) if self.docs else 0.0,
            "fields": {k: {"correct": c, "of": n, "accuracy": round(c / n, 4) if n else None}
                       for k, (c, n) in sorted(self.fields.items())},
            "per_type": per_type,
            "confusion": self.confusion.to_dict(),
            "reliability": self.reliability_table(),
        }


# -- scoring ---------------------------------------------------------------------------------
def evaluate(gold_rows: Iterable[Record], pred_rows: Iterable[Record]) -> Evaluation:
    """Score predictions against gold; predictions on documents the gold never names are ignored."""
    gold_docs: set[str] = set()
    gold: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in gold_rows:
        gold_docs.add(r["doc_id"])
        if not r.get("doc"):
            gold[r["doc_id"]].append(dict(r))
    pred: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in pred_rows:
        if r.get("doc_id") in gold_docs and not r.get("doc"):
            pred[r["doc_id"]].append(dict(r))

    ev = Evaluation(docs=len(gold_docs), pred_events=sum(len(v) for v in pred.values()))
    for doc in sorted(gold_docs, key=str):
        _score_document(ev, doc, gold[doc], pred[doc])
    return ev


def _best(g: Record, preds: list[dict[str, Any]], used: set[int], typed: bool
          ) -> tuple[int, dict[str, bool | None]] | None:
    """The unused prediction that matches ``g`` and agrees on most fields (the first on a tie)."""
    best: tuple[int, int, dict[str, bool | None]] | None = None
    for i, p in enumerate(preds):
        if i in used or not dyad_matches(g, p) or (typed and not type_matches(g, p)):
            continue
        checks = field_checks(g, p)
        agree = sum(1 for v in checks.values() if v)
        if best is None or agree > best[0]:
            best = (agree, i, checks)
    return None if best is None else (best[1], best[2])


def _score_document(ev: Evaluation, doc: str, golds: list[dict[str, Any]],
                    preds: list[dict[str, Any]]) -> None:
    used: set[int] = set()
    missed: list[dict[str, Any]] = []
    spurious: list[Case] = []
    # required gold events first, so that optional ones never take a match from them
    for g in sorted(golds, key=lambda r: bool(r.get("optional"))):
        found = _best(g, preds, used, typed=True)
        if found is None:
            if not g.get("optional"):
                missed.append(g)
            continue
        i, checks = found
        used.add(i)
        if g.get("optional"):
            continue
        gt, pt = event_type(g.get("event")), event_type(preds[i].get("event"))
        ev.tp += 1
        ev.per_type[gt]["tp"] += 1
        ev.confusion.matrix[(gt, pt)] += 1
        ev.note_confidence(preds[i], True, all(v is not False for v in checks.values()))
        for k, v in checks.items():
            if v is None:
                continue
            tally = ev.fields.setdefault(k, [0, 0])
            tally[0] += int(v)
            tally[1] += 1
            if not v:
                ev.cases.append(Case(f"wrong {k}", doc, gold=g, pred=preds[i]))
    # a missed event whose dyad was predicted under another type is a confusion
    explained: set[int] = set()
    for g in missed:
        gt = event_type(g.get("event"))
        ev.fn += 1
        ev.per_type[gt]["fn"] += 1
        other = _best(g, preds, used | explained, typed=False)
        if other is None:
            ev.confusion.missed[gt] += 1
            ev.cases.append(Case("missed", doc, gold=g))
        else:
            explained.add(other[0])
            ev.confusion.matrix[(gt, event_type(preds[other[0]].get("event")))] += 1
            ev.cases.append(Case("missed", doc, gold=g, confused_with=preds[other[0]]))
    for i, p in enumerate(preds):
        if i in used:
            continue
        pt = event_type(p.get("event"))
        ev.fp += 1
        ev.per_type[pt]["fp"] += 1
        ev.note_confidence(p, False, False)
        if i not in explained:
            ev.confusion.spurious[pt] += 1
        spurious.append(Case("spurious", doc, pred=p))
    ev.cases.extend(spurious)


# -- describing cases ------------------------------------------------------------------------
def _party(entities: Any) -> str:
    parts = []
    for e in _as_list(entities):
        if isinstance(e, dict):
            parts.append(str(e.get("name") or e.get("code") or e.get("entity_text") or "?"))
        else:
            parts.append(str(e))
    return ", ".join(parts) or "-"


def _gist(r: Record) -> str:
    """'ACCUSE: China → Philippines' for a record."""
    return f"{event_type(r.get('event')) or '?'}: {_party(r.get('actor'))} → {_party(r.get('recipient'))}"


def _field_value(r: Record, name: str) -> str:
    comm: dict[str, Any] = r["communication"] if isinstance(r.get("communication"), dict) else {}
    if name in ("actor_name", "recipient_name"):
        return _party(r.get(name.split("_")[0]))
    if name == "communication_kind":
        return ", ".join(str(k) for k in _as_list(comm.get("kind"))) or "-"
    if name == "channel":
        return _party(comm.get("channel"))
    if name == "attribution":
        return _party((r.get("attribution") or {}).get("sources"))
    return str(r.get(name) or "-")


def describe(case: Case) -> str:
    """One line that says what went wrong."""
    if case.kind == "missed":
        assert case.gold is not None
        also = f" (its dyad was predicted as {_gist(case.confused_with)})" if case.confused_with else ""
        return f"gold {_gist(case.gold)} not found{also}"
    if case.kind == "spurious":
        assert case.pred is not None
        return f"predicted {_gist(case.pred)} is not in the gold"
    assert case.gold is not None and case.pred is not None
    name = case.kind.removeprefix("wrong ")
    return (f"{_gist(case.gold)}: {name} is {_field_value(case.pred, name)!r}, "
            f"gold says {_field_value(case.gold, name)!r}")
