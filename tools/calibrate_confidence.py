"""Measure `confidence`: the precision each event pattern shows on the dev set.

    python tools/calibrate_confidence.py [--write]

Runs the extractor over the annotated dev sets in tests/data (dev_ru/batch*/ and
dev_releases/), pairs each extracted event with a gold event of the same release by
(type, parties) -- one gold event pairs with one extracted event -- and counts, per event
type and pattern (the rule that found it: "meeting_list", "credentials", ...), how many
were right. Prints the table; with --write, stores it in
loaders/lang/ru/data/confidence.tsv, where the extractor reads `confidence` from:
(right + 1) / (found + 2), so a pattern seen rarely stays near 0.5.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[1]
TABLE = REPO / "loaders" / "lang" / "ru" / "data" / "confidence.tsv"


def dev_sets() -> list[tuple[Path, list[Path]]]:
    """(gold path, release paths) of every annotated Russian dev set in the repo."""
    data = REPO / "tests" / "data"
    out = [(b, [b / "releases.jsonl"]) for b in sorted((data / "dev_ru").glob("batch*"))]
    if (data / "dev_releases").is_dir():
        out.append((data / "dev_releases", [data / "dev_releases"]))
    return out


def measure() -> dict[tuple[str, str], list[int]]:
    from dipgraph.loaders.evaluate import load_gold, release_key
    from dipgraph.loaders.extract import analyze
    from dipgraph.loaders.lang import language_for
    from dipgraph.loaders.sources import SourceError, read_paths

    counts: dict[tuple[str, str], list[int]] = {}
    for gold_path, paths in dev_sets():
        gold = load_gold(gold_path)
        for _path, release in read_paths(paths):
            if isinstance(release, SourceError):
                continue
            key = release_key(release, gold)
            if key is None or language_for(release) is None:
                continue
            left = Counter((e["type"], tuple(sorted(set(e["parties"])))) for e in gold[key])
            doc = analyze(release)
            for ev in doc.events:
                k = (ev.type, tuple(sorted(set(ev.parties))))
                right = left[k] > 0
                if right:
                    left[k] -= 1
                row = counts.setdefault((ev.type, ev.pattern or "-"), [0, 0])
                row[0] += 1
                row[1] += right
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"store the table in {TABLE}")
    args = parser.parse_args(argv)
    counts = measure()
    lines = ["# type\tpattern\tfound\tright\tconfidence ((right + 1) / (found + 2))"]
    for (type_, pattern), (found, right) in sorted(counts.items()):
        lines.append(f"{type_}\t{pattern}\t{found}\t{right}\t{(right + 1) / (found + 2):.2f}")
    print("\n".join(lines))
    if args.write:
        header = (
            "# Measured by tools/calibrate_confidence.py on the dev sets in tests/data:\n"
            "# the share of events each pattern found that the gold confirms. In-sample: the\n"
            "# rules were tuned on these sets (the honest, first-run scores are in\n"
            "# tests/data/dev_ru/SCORES.md). Rebuild after changing the rules.\n"
        )
        TABLE.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
        print(f"written: {TABLE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
