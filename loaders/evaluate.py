"""Scoring: extracted events against gold ``*.events.jsonl`` files, and extracted MET
participants and officials' titles against factRuEval-2016 ``Meeting`` and
``Occupation`` facts.

- events: precision/recall/F1 on (type, parties) per release, micro-averaged;
- participants: P/R/F1 on (event type, person): one to one, a name as written ("Ryzhenkov",
  "E. Ihsanoglu") matching the full name of the same person (:func:`same_person`);
- role accuracy: of the gold participants with a role whose name was found, the share
  whose role matches exactly (as normalize_name compares names);
- factRuEval: meeting-pair F1 (unordered pairs of people who met), occupation F1 on
  (who, position, where) and a relaxed (who, position) score.

The functions return dataclasses; printing is the CLI's job.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dipgraph.graph.model import normalize_name


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

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

    def add(self, other: PRF) -> PRF:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def as_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class ReleaseScore:
    release: str
    events: PRF
    participants: PRF
    roles_correct: int = 0
    roles_total: int = 0
    missed: list[str] = field(default_factory=list)  # gold events not found
    spurious: list[str] = field(default_factory=list)  # predicted events not in gold


@dataclass
class EvalReport:
    releases: list[ReleaseScore]
    events: PRF
    participants: PRF
    roles_correct: int
    roles_total: int
    unmatched_gold: list[str] = field(default_factory=list)
    #: releases given without gold (neither events nor a line in empty.txt): not scored
    unscored: list[str] = field(default_factory=list)

    @property
    def role_accuracy(self) -> float | None:
        return self.roles_correct / self.roles_total if self.roles_total else None

    def as_dict(self) -> dict:
        return {
            "events": self.events.as_dict(),
            "participants": self.participants.as_dict(),
            "role_accuracy": None if self.role_accuracy is None else round(self.role_accuracy, 4),
            "roles": {"correct": self.roles_correct, "total": self.roles_total},
            "releases": [
                {
                    "release": r.release,
                    "events": r.events.as_dict(),
                    "participants": r.participants.as_dict(),
                    "missed": r.missed,
                    "spurious": r.spurious,
                }
                for r in self.releases
            ],
            "unmatched_gold": self.unmatched_gold,
            "unscored": self.unscored,
        }


@dataclass
class FactRuEvalReport:
    documents: int
    meeting: PRF
    occupation: PRF  # (who, position, where)
    occupation_relaxed: PRF  # (who, position)

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "meeting_pairs": self.meeting.as_dict(),
            "occupation": self.occupation.as_dict(),
            "occupation_who_position": self.occupation_relaxed.as_dict(),
        }


# --- gold events ---------------------------------------------------------------------


def load_gold(path: str | Path) -> dict[str, list[dict]]:
    """Gold events by release key from a ``*.events.jsonl`` file or a folder of them.

    The key is the record's ``release`` field (a release id or the source's record id),
    else the file's stem (one gold file per release, named after it; an empty file is a
    release without events). In a folder, ``empty.txt`` lists releases annotated as
    having no event (one key a line, ``#`` comments): they count for precision.
    """
    path = Path(path)
    files = sorted(path.glob("*.events.jsonl")) if path.is_dir() else [path]
    gold: dict[str, list[dict]] = {}
    for f in files:
        stem = f.name.split(".events")[0]
        keyed = False
        for line in f.read_text("utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                if rec.get("record", "event") != "event":
                    continue
                keyed = keyed or bool(rec.get("release"))
                gold.setdefault(str(rec.get("release") or stem), []).append(rec)
        if not keyed:
            gold.setdefault(stem, [])
    empty = (path if path.is_dir() else path.parent) / "empty.txt"
    if empty.exists():
        for line in empty.read_text("utf-8").splitlines():
            key = line.split("#", 1)[0].strip().split()
            if key:
                gold.setdefault(key[0], [])
    return gold


def _name_key(name: str) -> str:
    # initials glued or spaced ("A.B.Smith", "A. B. Smith") are one spelling
    return re.sub(r"\.\s+", ".", normalize_name(name))


def _role_key(role: str | None) -> str:
    return normalize_name(role or "")


def _event_key(e: dict) -> tuple[str, tuple[str, ...]]:
    return e["type"], tuple(sorted(set(e.get("parties") or [])))


def _same_participant(g: tuple[str, str], p: tuple[str, str]) -> bool:
    return g[0] == p[0] and (_name_key(g[1]) == _name_key(p[1]) or same_person(g[1], p[1]))


def score_release(key: str, gold: list[dict], predicted: list[dict]) -> ReleaseScore:
    """Score one release: gold and predicted event dicts (the JSON contract)."""
    g = Counter(_event_key(e) for e in gold)
    p = Counter(_event_key(e) for e in predicted)
    tp = sum((g & p).values())
    events = PRF(tp, sum(p.values()) - tp, sum(g.values()) - tp)
    # A participant is one person of one event type: the gold writes a name as the
    # sentence has it ("Ryzhenkov", "E. Ihsanoglu") where the extractor may give the full
    # name found elsewhere in the release; same_person pairs those, one to one.
    gp = [(e["type"], x["name"]) for e in gold for x in e.get("participants") or []]
    pp = [(e["type"], x["name"]) for e in predicted for x in e.get("participants") or []]
    ptp = _greedy(gp, pp, _same_participant)
    participants = PRF(ptp, len(pp) - ptp, len(gp) - ptp)
    predicted_roles = {
        _name_key(x["name"]): _role_key(x.get("role"))
        for e in predicted
        for x in e.get("participants") or []
    }
    correct = total = 0
    for e in gold:
        for x in e.get("participants") or []:
            if x.get("role") and _name_key(x["name"]) in predicted_roles:
                total += 1
                correct += predicted_roles[_name_key(x["name"])] == _role_key(x["role"])
    fmt = lambda k: f"{k[0]} {'/'.join(k[1])}"  # noqa: E731
    return ReleaseScore(
        key,
        events,
        participants,
        correct,
        total,
        missed=[fmt(k) for k in (g - p).elements()],
        spurious=[fmt(k) for k in (p - g).elements()],
    )


def release_key(release, gold_keys: Iterable[str]) -> str | None:
    """Which gold key a release answers to: its record id (JSON ``id``), its source
    file's stem, or its id."""
    keys = set(gold_keys)
    uri = release.source_uri or ""
    stem = Path(uri).name.split(".")[0] if uri else ""
    record = getattr(release, "record_id", None)
    for cand in (record, stem, Path(uri).stem, release.id, release.id[:16]):
        if cand and cand in keys:
            return cand
    for k in keys:
        if k and (release.id.startswith(k) or (stem and stem.endswith(k))):
            return k
    return None


def evaluate(gold: dict[str, list[dict]], extractions: Iterable) -> EvalReport:
    """Score extractions (dipgraph.loaders.records.Extraction) against gold events."""
    scores: list[ReleaseScore] = []
    seen: set[str] = set()
    unscored: list[str] = []
    for x in extractions:
        key = release_key(x.release, gold)
        if key is None:
            unscored.append(x.release.record_id or x.release.source_uri or x.release.id)
            continue
        seen.add(key)
        scores.append(score_release(key, gold[key], [e.to_json() for e in x.events]))
    total_e, total_p = PRF(), PRF()
    rc = rt = 0
    for s in scores:
        total_e.add(s.events)
        total_p.add(s.participants)
        rc += s.roles_correct
        rt += s.roles_total
    return EvalReport(scores, total_e, total_p, rc, rt, sorted(set(gold) - seen), unscored)


# --- factRuEval ----------------------------------------------------------------------


@dataclass
class _Fact:
    kind: str
    fields: dict[str, list[str]]


def read_facts(path: Path) -> list[_Fact]:
    """Facts of a ``.facts`` file: kind and field -> values (the text after the id)."""
    facts: list[_Fact] = []
    current: _Fact | None = None
    for line in path.read_text("utf-8", errors="replace").splitlines():
        if not line.strip():
            current = None
            continue
        parts = line.split(None, 2)
        if current is None:
            if len(parts) >= 2:
                current = _Fact(parts[1], {})
                facts.append(current)
            continue
        if len(parts) >= 3:
            current.fields.setdefault(parts[0], []).append(parts[2].strip())
        elif len(parts) == 2:
            current.fields.setdefault(parts[0], []).append(parts[1].strip())
    return facts


def _tokens(name: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", normalize_name(name)) if len(w) > 1)


def same_person(a: str, b: str) -> bool:
    """Name match across orders and partial forms ("Smith John" ~ "John Smith", "Smith" ~
    "John Smith")."""
    ta, tb = _tokens(a), _tokens(b)
    return bool(ta and tb) and (ta <= tb or tb <= ta)


def _ru():
    from dipgraph.loaders.lang import get_language

    return get_language("ru")  # factRuEval is Russian


def _position_lemmas(text: str) -> set[str]:
    """Normalized words of a position, abbreviated titles spelled out (Language.position_words)."""
    return _ru().position_words(text)


def _state_codes(text: str | None) -> set[str]:
    """Codes of a gold "Where" whose alternatives ("|") each name one state or IGO as a
    whole; alternatives that name something else give none."""
    codes: set[str] = set()
    for alt in (text or "").split("|"):
        code = _ru().state_code_of(alt.strip())
        if code:
            codes.add(code)
    return codes


def _pair_match(pa: tuple[str, str], pb: tuple[str, str]) -> bool:
    return (same_person(pa[0], pb[0]) and same_person(pa[1], pb[1])) or (
        same_person(pa[0], pb[1]) and same_person(pa[1], pb[0])
    )


def _greedy(gold: list, pred: list, match: Callable[[object, object], bool]) -> int:
    """Size of a maximum one-to-one matching of gold and predicted items (augmenting
    paths): a first-come greedy pass under-counts when an earlier gold fact takes the
    one prediction a later fact needed (a person with two gold occupations)."""
    edges = [[i for i, p in enumerate(pred) if match(g, p)] for g in gold]
    owner: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for i in edges[gi]:
            if i in seen:
                continue
            seen.add(i)
            if i not in owner or augment(owner[i], seen):
                owner[i] = gi
                return True
        return False

    return sum(augment(gi, set()) for gi in range(len(gold)))


def evaluate_factrueval(
    directory: str | Path,
    extract_fn: Callable | None = None,
    limit: int | None = None,
) -> FactRuEvalReport:
    """Run the extractor over factRuEval documents and score meeting pairs and
    occupations."""
    from dipgraph.loaders.extract import extract as _extract
    from dipgraph.loaders.sources import read_text

    state_name = _ru().state_name
    words = _ru().words

    extract_fn = extract_fn or _extract
    directory = Path(directory)
    books = sorted(directory.glob("*.txt"), key=lambda p: p.name)
    books = [b for b in books if b.with_suffix(".facts").exists()]
    if limit:
        books = books[:limit]
    meeting, occ, occ_relaxed = PRF(), PRF(), PRF()
    for book in books:
        facts = read_facts(book.with_suffix(".facts"))
        text = book.read_text("utf-8", errors="replace")
        x = extract_fn(read_text(text, source_uri=str(book)))
        # meetings
        gold_pairs = []
        for f in facts:
            if f.kind == "Meeting":
                people = f.fields.get("Participant", [])
                gold_pairs += list(itertools.combinations(people, 2))
        pred_pairs = []
        for e in x.events:
            if e.type == "MET":
                names = [p.name for p in e.participants]
                pred_pairs += list(itertools.combinations(names, 2))
        tp = _greedy(gold_pairs, pred_pairs, _pair_match)
        meeting.add(PRF(tp, len(pred_pairs) - tp, len(gold_pairs) - tp))
        # occupations
        gold_occ = [
            (
                (f.fields.get("Who") or [""])[0],
                (f.fields.get("Position") or [None])[0],
                (f.fields.get("Where") or [None])[0],
            )
            for f in facts
            if f.kind == "Occupation" and f.fields.get("Who")
        ]
        pred_occ = []
        for o in x.officials:
            if not o.role:
                continue
            where = " ".join(
                w
                for w in (
                    o.role,
                    o.organization,
                    state_name(o.state),
                    state_name(o.posted_in),
                )
                if w
            )
            names = [o.name, *getattr(o, "aliases", [])]
            pred_occ.append((names, o.role, where, {o.state, o.posted_in} - {None}))
        gold_codes = {g[2]: _state_codes(g[2]) for g in gold_occ}

        def occ_match(g, p, strict: bool = True, codes=gold_codes) -> bool:
            who, pos, where = g
            if not any(same_person(who, n) for n in p[0]):
                return False
            if pos and not (_position_lemmas(pos) & _position_lemmas(p[1])):
                return False
            if strict and where and not (words(where) & words(p[2])):
                # the gold names the state in any of its names (abbreviations,
                # old names): compare it as a state, not as words
                return bool(codes[where] & p[3])
            return True

        tp = _greedy(gold_occ, pred_occ, occ_match)
        occ.add(PRF(tp, len(pred_occ) - tp, len(gold_occ) - tp))
        tp = _greedy(gold_occ, pred_occ, lambda g, p: occ_match(g, p, strict=False))
        occ_relaxed.add(PRF(tp, len(pred_occ) - tp, len(gold_occ) - tp))
    return FactRuEvalReport(len(books), meeting, occ, occ_relaxed)


__all__ = [
    "PRF",
    "EvalReport",
    "FactRuEvalReport",
    "ReleaseScore",
    "evaluate",
    "evaluate_factrueval",
    "load_gold",
    "read_facts",
    "release_key",
    "same_person",
    "score_release",
]
