#!/usr/bin/env python3
"""Bytes per query from search_bench.mjs --json output, every response gzip'd where smaller (min(raw, gzip -6)), plus empty answers. Usage: search_bytes.py FILE.json..."""
import json, sys, statistics
def pct(xs, p):
    import math
    xs = sorted(xs)
    return xs[min(len(xs)-1, max(0, math.ceil(p*len(xs))-1))]
for fn in sys.argv[1:]:
    d = json.load(open(fn))
    print('==', fn, d['meta']['date'])
    for eng in ('ours', 'pagefind'):
        sent, gz, best, empty, big = [], [], [], 0, (0, 0, '', '')
        for r in d['results']:
            e = r[eng]
            reqs = e['requests']
            sent.append(e['bytes'])
            gz.append(sum(q['gzBytes'] for q in reqs))
            best.append(sum(min(q['fileBytes'], q['gzBytes']) if q['fileBytes'] else q['sentBytes'] for q in reqs))
            if not e['top']: empty += 1
            for q in reqs:
                b = min(q['fileBytes'], q['gzBytes'])
                if b > big[1]: big = (q['fileBytes'], b, q['path'], r['q'])
        f = lambda xs: '%.1f / %.1f / %.1f kB' % (statistics.median(xs)/1000, pct(xs, .95)/1000, max(xs)/1000)
        print(eng, 'sent med/p95/max', f(sent))
        print(eng, 'all gzip med/p95/max', f(gz))
        print(eng, 'min(raw,gz) med/p95/max', f(best))
        print(eng, 'largest fetched file by min(raw,gz): raw %.1f kB, gz %.1f kB %s (%s)' % (big[0]/1000, big[1]/1000, big[2], big[3]))
        print(eng, 'empty answers', empty, '/', len(d['results']))
    q = d['quality']; print('quality', {k: q[k] for k in ('n','ours','pagefind')})
