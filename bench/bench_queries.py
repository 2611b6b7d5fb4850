"""p50/p95 latency of every pack query on a generated graph in the embedded store.

    .venv/bin/python bench/bench_queries.py                      # 100k events, ~1M edges
    .venv/bin/python bench/bench_queries.py --events 10000 --runs 20

A seeded generator writes releases of ~10 events (the Kazakhstan MFA's view: KZ is a
party of most events) through the real mapping (EventRecord -> GraphBatch), in bulk
batches (release_id=None: the store's chunked path, 10k rows a statement), into a
throwaway embedded store in its own data directory. Then each query runs --runs times
with varied parameters through QueryPack.run (parameter checks and the graph look-ups of
state codes and officials included, as `dipgraph query` does). Target: p95 < 100 ms for
bilateral_* and ego_network at 100k events.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from dipgraph.graph.model import Evidence, GraphBatch, Release, event_id, official_id
from dipgraph.graph.store import StoreSettings
from dipgraph.graph.stores.embedded import EmbeddedServer, EmbeddedStore
from dipgraph.loaders.mapping import to_batch
from dipgraph.loaders.records import EventRecord, Extraction, Host, Participant, Place
from dipgraph.queries import QueryPack

STATES = (
    "RU CN US TR DE FR GB IT ES NL BE PL CZ HU AT CH SE NO FI DK EE LV LT UA BY MD GE AM AZ "
    "UZ KG TJ TM AF PK IN IR IQ SA AE QA KW OM EG IL JO JP KR MN VN TH MY SG ID PH AU CA BR "
    "MX AR ZA NG KE ET MA DZ TN RS HR SI SK BG RO GR CY MK AL"
).split()
IGOS = ["UN", "EU", "CIS", "CSTO", "SCO", "EAEU", "OSCE", "OIC", "CICA", "OTS"]
TYPES = ["MET"] * 40 + ["CONSULTED"] * 25 + ["HOSTED"] * 25 + ["ACCREDITED"] * 10
ROLES = ["посол", "министр иностранных дел", "заместитель министра иностранных дел"]
SENTENCE = "Состоялась встреча сторон, обсуждены вопросы двустороннего сотрудничества."
FAST = ("bilateral_counts", "bilateral_contacts", "bilateral_timeline", "ego_network")
#: digits as syllables: an official's id keys a name without its digits (graph.model.name_key)
SYLLABLES = ("ba", "de", "gi", "ko", "lu", "ma", "ne", "ri", "so", "tu")


def spelled(number: int) -> str:
    """12 -> 'Degi': words name_key keeps apart (no digits, no letters it folds)."""
    return "".join(SYLLABLES[int(d)] for d in str(number)).capitalize()


class Generator:
    """Releases as an MFA's feed reports them.

    Officials: a pool per state sized by how often the state is a partner (KZ, the
    reporting side, has the largest: 1000; a close partner a few hundred, a rare one 20),
    a few thousand in all. Who takes part is Zipf-distributed over each pool (weight
    1/rank): the minister and deputies are hubs with thousands of meetings at 100k events,
    most officials have a handful.
    """

    def __init__(self, seed: int, home_officials: int = 1000, partner_officials: int = 400) -> None:
        self.rng = random.Random(seed)
        # Zipf-like partner weights: a few close partners, a long tail
        self.weights = [1 / (i + 1) ** 0.8 for i in range(len(STATES) + len(IGOS))]
        self.partners = STATES + IGOS
        self.people: dict[str, list[Participant]] = {}
        self.cum: dict[str, list[float]] = {}
        sizes = {"KZ": home_officials}
        for code, w in zip(self.partners, self.weights, strict=True):
            if code in STATES:
                sizes[code] = max(20, round(partner_officials * w))
        for code, size in sizes.items():
            self.people[code] = [
                Participant(
                    official_id(code, f"Official {code} {spelled(i)}"),
                    f"Official {code} {spelled(i)}",
                    code,
                    (ROLES[1] if i == 0 else ROLES[2]) if i < 5 else self.rng.choice(ROLES),
                )
                for i in range(size)
            ]
            self.cum[code] = list(itertools.accumulate(1 / (i + 1) for i in range(size)))

    def officials(self, state: str, k: int) -> list[Participant]:
        """k distinct officials of a state, drawn by their Zipf weights."""
        chosen: dict[str, Participant] = {}
        while len(chosen) < k:
            p = self.rng.choices(self.people[state], cum_weights=self.cum[state])[0]
            chosen[p.id] = p
        return list(chosen.values())

    @staticmethod
    def date(n: int, total: int) -> str:
        """Releases spread evenly over 2016-2026, whatever their number."""
        month = n * 132 // max(total, 1)  # 11 years
        return f"{2016 + month // 12}-{1 + month % 12:02d}-{1 + n % 28:02d}"

    def release(self, n: int, total: int, events: int) -> Extraction:
        rng = self.rng
        text = f"Release {n}\n" + "\n".join(SENTENCE for _ in range(events))
        date = self.date(n, total)
        release = Release.from_text(text, published=date, source_uri=f"bench://{n}")
        records = []
        for k in range(events):
            type_ = rng.choice(TYPES)
            partner = rng.choices(self.partners, self.weights)[0]
            parties = ["KZ", partner] if rng.random() < 0.85 else rng.sample(STATES, 2)
            if rng.random() < 0.05:
                parties.append(rng.choice(STATES))
            parties = sorted(set(parties))
            states = [p for p in parties if p in self.people]
            people: list[Participant] = []
            if type_ in ("MET", "CONSULTED") and len(states) >= 2:
                # delegations: one to three officials a side (named in half the consultations)
                if type_ == "MET" or rng.random() < 0.5:
                    for s in states[:2]:
                        people += self.officials(s, rng.randint(1, 2))
            elif type_ == "ACCREDITED" and len(states) >= 2:
                people = [self.officials(s, 1)[0] for s in states[:2]]
                amb = people[0]
                people[0] = Participant(amb.id, amb.name, amb.state, "посол", states[1])
            start = len(f"Release {n}\n") + k * (len(SENTENCE) + 1)
            ev = Evidence(SENTENCE, start, start + len(SENTENCE))
            host = venue = None
            if type_ == "HOSTED":
                host = Host(f"Посольство Казахстана {partner}", "embassy", "KZ")
            if type_ == "HOSTED" or rng.random() < 0.5:
                venue = Place(f"Город {partner}", states[-1] if states else "KZ")
            if type_ == "CONSULTED" and rng.random() < 0.5:
                host = Host("Министерство иностранных дел Республики Казахстан", "ministry", "KZ")
            actors = sorted(parties + [p.id for p in people])
            records.append(
                EventRecord(
                    release.id, release.source_uri,
                    event_id(release.id, type_, actors, (ev.start, ev.end)), type_, ev,
                    format="political_consultations" if type_ == "CONSULTED" else None,
                    date=date, date_precision="day", parties=parties, participants=people,
                    host=host, venue=venue, confidence=0.9,
                )
            )  # fmt: skip
        return Extraction(release, records)


def build(store: EmbeddedStore, events: int, seed: int, per_batch: int = 5000) -> float:
    gen = Generator(seed)
    started = time.perf_counter()
    bulk = GraphBatch()
    n = 0
    total = events // 10
    for n in range(total):
        bulk.merge(to_batch(gen.release(n, total, 10)))
        if (n + 1) * 10 % per_batch == 0:
            store.write(bulk)
            bulk = GraphBatch()
    if bulk.nodes:
        store.write(bulk)
    store.run("MATCH (r:Release) SET r.complete = true", write=True)
    return time.perf_counter() - started


def samples(store: EmbeddedStore, rng: random.Random, runs: int) -> dict[str, list[dict]]:
    """Varied parameters for each query, drawn from what the graph holds."""
    # half the officials asked about are drawn from all who met anyone, half from the 20
    # busiest (ministers, deputies: the hubs people look up most, and the slowest to answer)
    met = store.run(
        "MATCH (o:Official)-[r:MET]-() RETURN o.id AS id, count(r) AS n ORDER BY n DESC, id"
    )
    everyone = [r["id"] for r in met]
    hubs = everyone[:20]

    def official() -> str:
        return rng.choice(hubs if rng.random() < 0.5 else everyone)

    events = [
        r["id"] for r in store.run("MATCH (e:Event) RETURN e.id AS id ORDER BY id LIMIT 2000")
    ]
    partners = STATES[:40] + IGOS[:4]

    def years() -> dict[str, str]:
        y = rng.randint(2016, 2025)
        return {"from": f"{y}-01-01", "to": f"{y + 1}-12-31"}

    def pick(make) -> list[dict]:
        return [make() for _ in range(runs)]

    return {
        "bilateral_counts": pick(lambda: {"a": "KZ", "b": rng.choice(partners)}),
        "bilateral_contacts": pick(lambda: {"a": "KZ", "b": rng.choice(partners), **years()}),
        "bilateral_timeline": pick(lambda: {"a": "KZ", "b": rng.choice(partners), **years()}),
        "contact_provenance": pick(lambda: {"event": rng.choice(events)}),
        "partners": pick(lambda: {"state": rng.choice(["KZ", *partners])}),
        "contacts_per_year": pick(lambda: {"state": rng.choice(["KZ", *partners])}),
        "new_partners": pick(lambda: {"state": rng.choice(partners), "since": "2024-01-01"}),
        "igo_contacts": pick(lambda: {"state": rng.choice(["KZ", *STATES[:20]])}),
        "officials_met": pick(lambda: {"a": "KZ", "b": rng.choice(STATES[:40])}),
        "ego_network": pick(lambda: {"official": official()}),
        "shortest_path": pick(lambda: {"a": official(), "b": official()}),
        "most_active_officials": pick(lambda: {"state": rng.choice(["KZ", *STATES[:20]])}),
        "accreditation_register": pick(lambda: {"host": rng.choice(["KZ", *STATES[:20]])}),
        "hosted_events": pick(lambda: {"venue": f"Город {rng.choice(partners)}"}),
        "graph_summary": pick(dict)[: max(3, runs // 10)],
        "releases": pick(dict)[: max(3, runs // 10)],
    }


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--data-dir", help="default: a fresh temporary directory, removed after")
    ap.add_argument("--json", dest="json_out", help="also write the results as JSON here")
    ap.add_argument("--only", help="comma-separated query names (default: all)")
    ap.add_argument(
        "--keep",
        action="store_true",
        help="leave the graph and its server running in --data-dir (for GRAPH.PROFILE); "
        "a later run with the same --data-dir reuses it instead of building again "
        "(stop it with `dipgraph db stop` on that directory)",
    )
    args = ap.parse_args(argv)
    if args.keep and not args.data_dir:
        ap.error("--keep needs --data-dir")

    data_dir = Path(args.data_dir or tempfile.mkdtemp(prefix="dgbench-", dir="/tmp"))
    server = EmbeddedServer(data_dir)
    server.start()
    store = EmbeddedStore(StoreSettings(data_dir=data_dir, graph_name="bench"))
    try:
        if args.keep and store.count_nodes() > 0:
            seconds = 0.0  # kept from an earlier run
        else:
            store.clear()
            seconds = build(store, args.events, args.seed)
        nodes, edges = store.count_nodes(), store.count_edges()
        if seconds:
            print(f"graph: {args.events:,} events, {nodes:,} nodes, {edges:,} edges "
                  f"written in {seconds:.1f}s ({edges / seconds:,.0f} edges/s)")  # fmt: skip
        else:
            print(f"graph: kept in {data_dir}: {nodes:,} nodes, {edges:,} edges")
        pack = QueryPack.builtin()
        rng = random.Random(args.seed)
        results = {}
        print(f"{'query':<24} {'runs':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'rows':>6}")
        only = set(args.only.split(",")) if args.only else None
        for name, cases in samples(store, rng, args.runs).items():
            if only is not None and name not in only:
                continue
            pack.run(store, name, cases[0])  # warm-up
            times, rows = [], []
            for params in cases:
                t = time.perf_counter()
                result = pack.run(store, name, params)
                times.append((time.perf_counter() - t) * 1000)
                rows.append(len(result))
            res = {
                "runs": len(times),
                "p50_ms": round(statistics.median(times), 2),
                "p95_ms": round(percentile(times, 95), 2),
                "max_ms": round(max(times), 2),
                "mean_rows": round(statistics.mean(rows), 1),
            }
            results[name] = res
            flag = "  (target p95 < 100 ms)" if name in FAST else ""
            print(f"{name:<24} {res['runs']:>4} {res['p50_ms']:>8.1f} {res['p95_ms']:>8.1f} "
                  f"{res['max_ms']:>8.1f} {res['mean_rows']:>6.0f}{flag}")  # fmt: skip
        if args.json_out:
            Path(args.json_out).write_text(
                json.dumps({"events": args.events, "nodes": nodes, "edges": edges,
                            "build_seconds": round(seconds, 1), "queries": results}, indent=2)
            )  # fmt: skip
        missed = [n for n in FAST if n in results and results[n]["p95_ms"] >= 100]
        if missed:
            print(f"over the 100 ms p95 target: {', '.join(missed)}")
        return 0
    finally:
        if not args.keep:
            store.clear()
        store.close()
        if not args.keep:
            server.stop()
        if not args.data_dir:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
