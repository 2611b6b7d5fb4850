import json, os
B = os.path.dirname(os.path.abspath(__file__))
O = os.path.dirname(B)
exec(open(os.path.join(B, "rel.py"), encoding="utf-8").read())
REL = R
g = {}
exec(open(os.path.join(B, "gold.py"), encoding="utf-8").read(), g)
with open(os.path.join(O, "releases.jsonl"), "w", encoding="utf-8") as f:
    for r in REL:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
with open(os.path.join(O, "gold.events.jsonl"), "w", encoding="utf-8") as f:
    for e in g["G"]:
        f.write(json.dumps(e, ensure_ascii=False) + "\n")
with open(os.path.join(O, "empty.txt"), "w", encoding="utf-8") as f:
    f.write("\n".join(g["EMPTY"]) + "\n")
print(len(REL), len(g["G"]))
