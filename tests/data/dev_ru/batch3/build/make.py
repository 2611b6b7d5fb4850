import json
exec(open('/work/annot/ru_b3/build/rel1.py').read())
exec(open('/work/annot/ru_b3/build/rel2.py').read())
exec(open('/work/annot/ru_b3/build/rel3.py').read())
exec(open('/work/annot/ru_b3/build/rel4.py').read())
exec(open('/work/annot/ru_b3/build/gold.py').read())
out = []
for i, r in enumerate(R, 1):
    out.append({"id": f"ru_b3_{i:02d}", **r})
with open('/work/annot/ru_b3/releases.jsonl','w') as f:
    for r in out: f.write(json.dumps(r, ensure_ascii=False)+"\n")
cnt = {}
with open('/work/annot/ru_b3/gold.events.jsonl','w') as f:
    for e in G:
        cnt[e["release"]] = cnt.get(e["release"],0)+1
        e2 = {"release": e["release"], "n": cnt[e["release"]]}
        e2.update({k:v for k,v in e.items() if k!="release"})
        f.write(json.dumps(e2, ensure_ascii=False)+"\n")
ids = [r["id"] for r in out]
empty = [i for i in ids if i not in cnt]
open('/work/annot/ru_b3/empty.txt','w').write("".join(i+"\n" for i in empty))
for r in out: print(r["id"], r["publisher"], r["url"][:70], cnt.get(r["id"],0))
print("empty", empty)
