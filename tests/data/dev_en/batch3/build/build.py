import json, sys
sys.path.insert(0, "/work/annot/en_b3/build")
from releases_data import R
from gold_data import G
B = "en_b3"
with open(f"/work/annot/{B}/releases.jsonl", "w", encoding="utf-8") as f:
    for i, r in enumerate(R, 1):
        d = {"id": f"{B}_{i:02d}", **r}
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
empty = []
with open(f"/work/annot/{B}/gold.events.jsonl", "w", encoding="utf-8") as f:
    for i in range(1, len(R)+1):
        evs = G.get(i, [])
        if not evs: empty.append(f"{B}_{i:02d}")
        for n, e in enumerate(evs, 1):
            f.write(json.dumps({"release": f"{B}_{i:02d}", "n": n, **e}, ensure_ascii=False) + "\n")
with open(f"/work/annot/{B}/empty.txt", "w") as f:
    f.write("\n".join(empty) + "\n")
print(len(R), "releases;", sum(len(v) for v in G.values()), "events; empty:", empty)
