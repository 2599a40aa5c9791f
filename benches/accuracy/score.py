#!/usr/bin/env python3
"""Score connlint on a blind set: each app of LANGDIR/labels.json checked on its own, its findings matched
to the labels (same file and rule, line within 2; a duplicate-client-module label also matches when a
reported duplicate names it among its related locations, an oversized-pool label on the construction
when a reported oversized-pool on one of its options names it so). Usage: score.py LANGDIR [BIN]"""
import json, subprocess, sys, os, collections
d = sys.argv[1]; B = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.environ.get("CONNLINT", "target/debug/connlint"))
labels = json.load(open(os.path.join(d, "labels.json")))
tp = fp = fn = 0; rows = []
per_rule = collections.Counter()
for app in labels["apps"]:
    a = app["app"]; root = os.path.join(d, a)
    out = subprocess.run([B, "check", ".", "--no-cache", "--format", "json"], cwd=root, capture_output=True, text=True)
    try:
        j = json.loads(out.stdout)
    except Exception:
        print("BAD OUTPUT", a, out.stderr[:300]); continue
    got = [(x["path"], x["line"], x["rule"], x["severity"], x["message"]) for x in j["diagnostics"]
           if x["rule"] not in ("unused-suppression", "invalid-suppression")]
    jd = [x for x in j["diagnostics"]]
    exp = [(f["file"], f["line"], f["rule"]) for f in app.get("findings", [])]
    used = set()
    for (ef, el, er) in exp:
        m = [i for i, g in enumerate(got) if i not in used and g[0] == ef and g[2] == er and abs(g[1] - el) <= 2]
        rel = [i for i, g in enumerate(jd) if g["rule"] == er
               and er in ("duplicate-client-module", "oversized-pool")
               and any(r["path"] == ef and abs(r["line"] - el) <= 2 for r in g.get("related", []))]
        if m:
            used.add(m[0]); tp += 1; per_rule[(er, "tp")] += 1
        elif rel and er == "oversized-pool" and rel[0] not in used:
            used.add(rel[0]); tp += 1; per_rule[(er, "tp")] += 1  # reported on the option it names
        elif rel and er == "duplicate-client-module":
            tp += 1; per_rule[(er, "tp")] += 1  # the module to keep: named in the others' related locations
        else:
            fn += 1; per_rule[(er, "fn")] += 1; rows.append(f"  MISS {a}/{ef}:{el} {er}")
    for i, g in enumerate(got):
        if i in used: continue
        # a second rule on an already-matched line of the same finding is not counted twice
        fp += 1; per_rule[(g[2], "fp")] += 1; rows.append(f"  FP   {a}/{g[0]}:{g[1]} {g[2]} {g[3]}: {g[4][:150]}")
    for e in j.get("errors", []):
        rows.append(f"  ERR  {a}: {e}")
p = tp / (tp + fp) if tp + fp else 1.0; r = tp / (tp + fn) if tp + fn else 1.0
print(f"{d}: apps {len(labels['apps'])} expected {tp+fn} tp {tp} fp {fp} fn {fn} precision {p:.2f} recall {r:.2f}")
print("\n".join(rows))
print(dict(per_rule))
