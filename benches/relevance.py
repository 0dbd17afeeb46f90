#!/usr/bin/env python3
"""Scores our search and Pagefind on judged sets of real German queries.

    python3 benches/relevance.py [--sets laws,jugendhackt,handbook] [--bin PATH]
                                 [--no-build] [--work /tmp/relevance]

One command: prepares the corpora (benches/corpus_laws.py and
benches/corpus_jugendhackt.py from the mirrors of bundestag/gesetze and
Jugendhackt/Handbuch-Jugend-Hackathons; the bundled handbook is the repo
root), builds each site with our binary, runs `handbook search --json`
(the CLI answers exactly like the browser: tests/search_parity.rs) and
Pagefind (npm, benches/node; indexed on a copy of the same built site,
searched in headless Chromium by benches/node/pagefind_top.mjs), and
prints MRR@10, nDCG@10 and top-1 per set and engine, split into the
queries weights were tuned on and the held-out ones.

The judged sets are benches/relevance/<set>.json: per query the pages
that answer it (URL path without slashes at the ends) with a grade
3/2/1, decided from the corpus text before any engine ran. `held_out`
queries were never looked at while tuning.
"""
import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
MIRRORS = "/work/.mirror"


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.exit(f"relevance: {' '.join(cmd)} failed:\n{r.stdout[-2000:]}{r.stderr[-2000:]}")
    return r.stdout


def norm(url):
    path = url.split("#")[0].split("?")[0]
    if "://" in path:
        path = "/" + path.split("://", 1)[1].split("/", 1)[-1]
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return path.strip("/")


def scores(ranked, relevant, k=10):
    """(reciprocal rank, nDCG, top-1) of one result list."""
    ranked = [norm(u) for u in ranked][:k]
    # a page counts once (two passages of one page are one answer)
    seen, pages = set(), []
    for u in ranked:
        if u not in seen:
            seen.add(u)
            pages.append(u)
    rr = next((1.0 / (i + 1) for i, u in enumerate(pages) if u in relevant), 0.0)
    dcg = sum((2 ** relevant.get(u, 0) - 1) / math.log2(i + 2) for i, u in enumerate(pages))
    ideal = sorted(relevant.values(), reverse=True)[:k]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    top1 = 1.0 if pages and relevant.get(pages[0], 0) == max(relevant.values()) else 0.0
    return rr, (dcg / idcg if idcg else 0.0), top1


def prepare(name, work, build, binary):
    if name == "handbook":
        root = os.path.join(work, "handbook")
        if build:
            shutil.rmtree(root, ignore_errors=True)
            os.makedirs(root)
            for f in ["handbook.yaml", "content", "themes", "static", "editions"]:
                src = os.path.join(REPO, f)
                if os.path.isdir(src):
                    shutil.copytree(src, os.path.join(root, f))
                elif os.path.exists(src):
                    shutil.copy(src, root)
    else:
        root = os.path.join(work, name)
        script = os.path.join(HERE, f"corpus_{name}.py")
        repo = {"laws": "bundestag+gesetze", "jugendhackt": "Jugendhackt+Handbuch-Jugend-Hackathons"}[name]
        if build:
            run([sys.executable, script, "--repo", os.path.join(MIRRORS, repo, "repo"), "--out", root])
    public = os.path.join(root, "public")
    if build:
        t = time.time()
        run([binary, "build", "--root", root, "--out", public])
        print(f"  {name}: built in {time.time() - t:.1f} s", file=sys.stderr)
    return root, public


def ours(binary, root, queries):
    return {q: [h["url"] for h in json.loads(run([binary, "search", "--root", root, "--json", "--limit", "10", q]))]
            for q in queries}


def pagefind(public, work, name, set_file, build):
    copy = os.path.join(work, f"{name}-pagefind")
    out = os.path.join(work, f"{name}-pagefind.json")
    if build or not os.path.exists(out):
        shutil.rmtree(copy, ignore_errors=True)
        # Pagefind indexes what a reader can read: the printed edition repeats every page
        shutil.copytree(public, copy, ignore=shutil.ignore_patterns("druckfassung"))
        run([os.path.join(HERE, "node", "node_modules", ".bin", "pagefind"), "--site", copy])
        run(["node", os.path.join(HERE, "node", "pagefind_top.mjs"), copy, set_file, out])
    return json.load(open(out))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="laws,jugendhackt,handbook")
    ap.add_argument("--bin", default=os.path.join(REPO, "target", "release", "handbook"))
    ap.add_argument("--work", default="/tmp/relevance")
    ap.add_argument("--no-build", action="store_true", help="reuse the built sites and Pagefind's results")
    ap.add_argument("--json", help="also write per-query results here")
    ap.add_argument("--show", action="store_true", help="print the queries our engine misses at rank 1")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    rows, detail = [], {}
    for name in a.sets.split(","):
        set_file = os.path.join(HERE, "relevance", f"{name}.json")
        judged = json.load(open(set_file))["queries"]
        root, public = prepare(name, a.work, not a.no_build, a.bin)
        res = {"ours": ours(a.bin, root, [q["query"] for q in judged]),
               "pagefind": pagefind(public, a.work, name, set_file, not a.no_build)}
        detail[name] = res
        for engine, got in res.items():
            for part in ["tuned", "held-out", "all"]:
                qs = [q for q in judged if part == "all" or q["held_out"] == (part == "held-out")]
                s = [scores(got.get(q["query"], []), q["relevant"]) for q in qs]
                n = len(s) or 1
                rows.append((name, engine, part, len(qs), *(sum(x[i] for x in s) / n for i in range(3))))
        if a.show:
            for q in judged:
                r = scores(res["ours"][q["query"]], q["relevant"])
                if r[2] < 1:
                    print(f"  [{name}] {q['query']!r}: ours {[norm(u) for u in res['ours'][q['query']][:3]]}"
                          f" pf {[norm(u) for u in res['pagefind'].get(q['query'], [])[:3]]}", file=sys.stderr)
    print("| set | engine | queries | n | MRR@10 | nDCG@10 | top-1 |")
    print("|---|---|---|---:|---:|---:|---:|")
    for name, engine, part, n, mrr, ndcg, top1 in rows:
        print(f"| {name} | {engine} | {part} | {n} | {mrr:.3f} | {ndcg:.3f} | {top1:.3f} |")
    if a.json:
        json.dump(detail, open(a.json, "w"), ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
