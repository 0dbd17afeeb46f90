#!/usr/bin/env python3
"""Lean cold-build comparison on the long corpus with bench.py's helpers: one cold build per
name given (new-min, base-min, new-full, base-full, hugo), one JSON line each. Binaries: NEW/BASE below."""
# lean build comparison using bench.py's own helpers: cold builds, output removed first, /usr/bin/time -v
import sys, os, json, subprocess, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench
NEW = '/tmp/handbook-bench/handbook-search-e0e3c70'
BASE = '/tmp/handbook-bench/handbook-baseline-aebd0a7'
root, mroot, hroot = bench.corpus('long')
def load(): return open('/proc/loadavg').read().split()[0]
def run(name, binary, r):
    la0 = load()
    if binary is None:
        wall, rss, st = bench.hugo(r)
    else:
        bench.BIN = binary
        wall, rss, st = bench.ours(r)
    pub = os.path.join(r, 'public')
    site, files = bench.tree_size(pub)
    parts = {'site': site, 'files': files}
    if binary:
        parts['suche'] = bench.tree_size(os.path.join(pub, 'suche'))[0]
        parts['print'] = bench.tree_size(os.path.join(pub, 'druckfassung'))[0]
        parts['tantivy'] = bench.tree_size(os.path.join(r, 'search-index'))[0]
    rec = dict(name=name, wall=wall, rss=rss, stages=st, written=parts, load_before=la0, load_after=load(), at=time.strftime('%H:%M:%S', time.gmtime()))
    print(json.dumps(rec), flush=True)
order = sys.argv[1].split(',')
jobs = {'new-min': (NEW, mroot), 'base-min': (BASE, mroot), 'hugo': (None, hroot), 'new-full': (NEW, root), 'base-full': (BASE, root)}
for j in order:
    b, r = jobs[j]; run(j, b, r)
