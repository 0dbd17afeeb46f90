#!/usr/bin/env python3
"""Cold build against one-edit rebuild, for several binaries in the same run.

    python3 benches/rebuild_pair.py ROOT RUNS NAME=BINARY [NAME=BINARY ...]

Per round and binary (the order rotates each round): a cold build
(`ROOT/public` removed), then bench.py's edit (a sentence appended to the
mid-corpus concept page) and a rebuild over that build, both with
`--timings`. Prints medians of wall time, peak memory, the stage split and
the sub-stage spans. Point ROOT at a private copy (`cp -al` of a corpus is
fine: the edited page is copied before it is appended to, so the original
is never written through its hard link)."""
import os, re, shutil, statistics, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import mid_page, stages  # noqa: E402


def timed(binary, root):
    p = subprocess.run(["/usr/bin/time", "-v", binary, "build", "--root", root, "--timings"],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr[-2000:]
    h, m, s = re.search(r"Elapsed \(wall clock\) time .*: (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)", p.stderr).groups()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    reuse = re.search(r"^rendered: .*$", p.stderr, re.M)
    return {"wall": int(h or 0) * 3600 + int(m) * 60 + float(s), "rss": rss, "stages": stages(p.stderr),
            "parts": {k: int(v) for k, v in re.findall(r"^  (.+): (\d+)$", p.stderr, re.M)},
            "reuse": reuse.group(0) if reuse else ""}


def edit(root):
    page = mid_page(root)
    shutil.copyfile(page, page + ".tmp")  # break a hard link to a shared corpus
    os.replace(page + ".tmp", page)
    with open(page, "a") as f:
        f.write(f"\nGeändert um {time.time()}.\n")


def main():
    root, runs, bins = sys.argv[1], int(sys.argv[2]), dict(a.split("=", 1) for a in sys.argv[3:])
    res = {n: {"cold": [], "rebuild": []} for n in bins}
    names = list(bins)
    for i in range(runs):
        for n in names[i % len(names):] + names[:i % len(names)]:
            shutil.rmtree(os.path.join(root, "public"), ignore_errors=True)
            res[n]["cold"].append(timed(bins[n], root))
            edit(root)
            res[n]["rebuild"].append(timed(bins[n], root))
            print(f"round {i + 1}: {n} cold {res[n]['cold'][-1]['wall']:.2f} s, rebuild "
                  f"{res[n]['rebuild'][-1]['wall']:.2f} s, load {os.getloadavg()[0]:.1f}", file=sys.stderr)
    med = statistics.median
    for n in names:
        for kind, rs in res[n].items():
            st = ", ".join(f"{k} {med([r['stages'].get(k, 0) for r in rs]):.0f}"
                           for k in ("load", "resolve", "render", "index", "write", "total"))
            walls = ", ".join("%.2f" % r["wall"] for r in rs)
            print(f"{n} {kind}: wall {med([r['wall'] for r in rs]):.2f} s "
                  f"({walls}), peak {med([r['rss'] for r in rs]):.0f} MB; {st}")
            for k in sorted({k for r in rs for k in r["parts"]}):
                print(f"    {k}: {med([r['parts'][k] for r in rs if k in r['parts']]):.0f}")
            if rs[-1]["reuse"]:
                print(f"    {rs[-1]['reuse']}")


if __name__ == "__main__":
    main()
