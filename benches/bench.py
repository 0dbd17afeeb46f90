#!/usr/bin/env python3
"""Build and preview benchmarks, side by side with Hugo, printed as Markdown.

    benches/bench.py build [--sizes long,1000,10000,50000] [--runs 5] [--bin PATH]
    benches/bench.py serve [--sizes bundled,10000,long] [--edits 9] [--full-runs 3] [--bin PATH]

A size is a page count (the default corpus of short pages), `long`: the
corpus of long documents with files beside them (gen_corpus.py --long,
--long-pages of them, 6,000 by default), or `laws`: the federal laws of
bundestag/gesetze as Markdown (benches/corpus_laws.py; fetch the
repository into /work/.mirror first).

`build`: for each corpus size, generates the corpus, its twin with our
theme cut down to the Hugo templates, and its Hugo twin (benches/
gen_corpus.py, seed 1), then rotates cold builds of the three (output
folder removed before every run, so none profits from the others' page
cache more than the others), measuring wall time and peak memory with
/usr/bin/time -v, plus our stage split from --timings. Then a rebuild
after editing one page, with the previous output in place, for each.
Reports medians and ratios.

`serve`: starts `handbook serve` on the bundled handbook or a corpus,
listens on the reload stream, saves one page at a time and measures the
time from the save to the reload event, for a body edit (a line appended)
and a front-matter edit (the value of `stand:`, a key no template reads,
changed or added) and a title edit (shown in listings, neighbours and
references elsewhere). On the long corpus the pages edited are the ~1.5 MB
seiten/teil-000/page-00003.md and a typical one (konzepte/teil-000's middle
page, ~14 kB). Reports the medians next to a full build's time (the median
of --full-runs builds; 0 leaves it out).

Uses target/release/handbook (built first), or --bin without building, and
Debian's `hugo`.
"""
import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(REPO, "target", "release", "handbook")
WORK = os.path.join(tempfile.gettempdir(), "handbook-bench")
LAWS_REPO = "/work/.mirror/bundestag+gesetze/repo"


def sh(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


def timed(args, cwd=None):
    """Wall seconds, peak RSS in MB, stderr of one run under /usr/bin/time -v."""
    p = subprocess.run(["/usr/bin/time", "-v"] + args, cwd=cwd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{p.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time .*: (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)", p.stderr)
    h, m, s = wall.groups()
    seconds = int(h or 0) * 3600 + int(m) * 60 + float(s)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    return seconds, rss, p.stderr


def stages(stderr):
    m = re.search(r"timings \(ms\): (.*)", stderr)
    return {k: int(v) for k, v in re.findall(r"(\w+) (\d+)", m.group(1))} if m else {}


LONG_PAGES = 6000
LONG_BIG_PAGE = os.path.join("content", "seiten", "teil-000", "page-00003.md")


def corpus(size):
    """The corpus of a size label (a page count, "long" or "laws") and its twins."""
    if size == "laws":
        return laws_corpus()
    if size == "long":
        root = os.path.join(WORK, f"long{LONG_PAGES}")
        args = ["--long", "--pages", str(LONG_PAGES)]
    else:
        root = os.path.join(WORK, f"c{size}")
        args = ["--pages", str(size)]
    if not os.path.exists(os.path.join(root + "-min", "handbook.yaml")):
        sh([sys.executable, os.path.join(REPO, "benches", "gen_corpus.py"), *args, "--seed", "1", "--out", root, "--hugo"])
    return root, root + "-min", root + "-hugo"


def laws_corpus():
    """The federal laws (bundestag/gesetze, fetched into /work/.mirror by the
    tool library's `fetch`) as a handbook root by benches/corpus_laws.py,
    with the same Hugo and minimal-theme twins as a generated corpus."""
    root = os.path.join(WORK, "laws")
    if not os.path.exists(os.path.join(root + "-min", "handbook.yaml")):
        sh([sys.executable, os.path.join(REPO, "benches", "corpus_laws.py"), "--repo", LAWS_REPO, "--out", root])
        sys.path.insert(0, os.path.join(REPO, "benches"))
        import gen_corpus
        gen_corpus.write_hugo(root, root + "-hugo")
        gen_corpus.write_minimal(root, root + "-min")
    return root, root + "-min", root + "-hugo"


def label(size):
    if size == "laws":
        return "federal laws (6,600)"
    return f"long ({LONG_PAGES:,})" if size == "long" else f"{int(size):,}"


def tree_size(*dirs):
    """Bytes (apparent sizes) and files under the given folders, a file with
    several hard links among them counted once (the static search index is
    linked into public/suche/)."""
    total = files = 0
    seen = set()
    for d in dirs:
        for base, _, names in os.walk(d):
            for name in names:
                st = os.lstat(os.path.join(base, name))
                if st.st_nlink > 1:
                    if (st.st_dev, st.st_ino) in seen:
                        continue
                    seen.add((st.st_dev, st.st_ino))
                total += st.st_size
                files += 1
    return total, files


def ours_cmd(root):
    return [BIN, "build", "--root", root, "--timings"]


def hugo_cmd(root):
    return ["hugo", "--quiet", "--source", root]


def cold(cmd, root):
    """One build with the output folder removed first."""
    shutil.rmtree(os.path.join(root, "public"), ignore_errors=True)
    wall, rss, err = timed(cmd(root))
    return wall, rss, stages(err)


def ours(root):
    return cold(ours_cmd, root)


def hugo(root):
    return cold(hugo_cmd, root)


def mid_page(root):
    """One mid-corpus page: the same file in every twin of a corpus (the
    laws have a folder per initial, the generated corpora parts of concepts)."""
    part = os.path.join(root, "content", "konzepte", "teil-000")
    if not os.path.isdir(part):
        part = os.path.join(root, "content", "gesetze", "a")
    pages = sorted(p for p in os.listdir(part) if p.endswith(".md"))
    return os.path.join(part, pages[len(pages) // 2])


def touch_one_page(root):
    """Appends a sentence to the mid-corpus page."""
    with open(mid_page(root), "a") as f:
        f.write(f"\nGeändert um {time.time()}.\n")


def med(xs):
    return statistics.median(xs)


STAGES = ("load", "resolve", "render", "index", "write", "total")


def bench_build(sizes, runs):
    """Three builds of each corpus, alternating: ours with the default theme
    ("full"), ours with the theme cut to Hugo's minimal templates ("min"),
    Hugo with those templates."""
    rows, split_rows, rebuild_rows, out_rows = [], [], [], []
    for n in sizes:
        root, mroot, hroot = corpus(n)
        ours(root), ours(mroot), hugo(hroot)  # warm-up: page cache, lazy file system state
        runs_of = {"full": [], "min": [], "hugo": []}
        jobs = [("full", ours_cmd, root), ("min", ours_cmd, mroot), ("hugo", hugo_cmd, hroot)]
        for i in range(runs):
            # rotate who goes first, so drift in the machine's load hits all
            for name, cmd, r in jobs[i % 3:] + jobs[:i % 3]:
                runs_of[name].append(cold(cmd, r))
            print(f"  {n}: run {i + 1}/{runs}: " + ", ".join(
                f"{k} {v[-1][0]:.2f} s" for k, v in runs_of.items()), file=sys.stderr)
        wall = {k: med([x[0] for x in v]) for k, v in runs_of.items()}
        rss = {k: med([x[1] for x in v]) for k, v in runs_of.items()}
        rows.append((n, wall, rss))
        for k in ("full", "min"):
            split_rows.append((n, k, {s: med([x[2].get(s, 0) for x in runs_of[k]]) for s in STAGES}))
        # what the last cold build of each wrote (ours: the site and the CLI's tantivy index)
        written = {}
        for name, _, r in jobs:
            pub = os.path.join(r, "public")
            site, files = tree_size(pub)
            parts = {"site": site, "files": files}
            if name != "hugo":
                parts["suche"] = tree_size(os.path.join(pub, "suche"))[0]
                parts["print"] = tree_size(os.path.join(pub, "druckfassung"))[0]
                # what the CLI's index adds beyond the files it shares with the site
                parts["tantivy"] = tree_size(pub, os.path.join(r, "search-index"))[0] - site
            written[name] = parts
        out_rows.append((n, written))
        # one edit, previous output in place: what an editor's rebuild costs
        rebuilt = {"full": [], "min": [], "hugo": []}
        for _, cmd, r in jobs:
            cold(cmd, r)
        for i in range(runs):
            for name, cmd, r in jobs:
                touch_one_page(r)
                rebuilt[name].append(timed(cmd(r))[0])
        rebuild_rows.append((n, {k: med(v) for k, v in rebuilt.items()}))
        print(f"  {n}: done", file=sys.stderr)

    def three_way(values, hugo_label, cell, bold):
        """Rows of pages × (full, min, hugo) values with both ratios to Hugo."""
        b = "**" if bold else ""
        lines = [f"| pages | handbook, default theme | handbook, minimal theme | {hugo_label} "
                 f"| ratio default / Hugo | {b}ratio minimal / Hugo{b} |",
                 "|---:|---:|---:|---:|---:|---:|"]
        for n, v in values:
            lines.append(f"| {label(n)} | {cell(v['full'])} | {cell(v['min'])} | {cell(v['hugo'])} "
                         f"| {v['full'] / v['hugo']:.2f} | {b}{v['min'] / v['hugo']:.2f}{b} |")
        return lines

    out = three_way([(n, w) for n, w, _ in rows], "Hugo, minimal theme", lambda x: f"{x:.2f} s", True)
    out += ["", "Peak memory (median of the runs' maximum resident set size):", ""]
    out += three_way([(n, r) for n, _, r in rows], "Hugo", lambda x: f"{x:.0f} MB", False)
    out += ["", "Stage split of our build (median ms; `handbook build --timings`):", "",
            "| pages | theme | load | resolve | render | index | write | total |",
            "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for n, k, s in split_rows:
        out.append(f"| {label(n)} | {'default' if k == 'full' else 'minimal'} | "
                   + " | ".join(f"{s[x]:.0f}" for x in STAGES) + " |")
    out += ["", "Rebuild after editing one page, previous output in place (median):", "",
            "| pages | handbook, default theme | handbook, minimal theme | Hugo | ratio minimal / Hugo |",
            "|---:|---:|---:|---:|---:|"]
    for n, r in rebuild_rows:
        out.append(f"| {label(n)} | {r['full']:.2f} s | {r['min']:.2f} s | {r['hugo']:.2f} s | {r['min'] / r['hugo']:.2f} |")
    mb = lambda b: f"{b / 1e6:,.0f} MB"
    out += ["", "Written by the last cold build (`public/`; ours also the CLI's `search-index/`), apparent sizes:", "",
            "| pages | handbook, default theme | of which `suche/` | of which `druckfassung/` | `search-index/` (beyond the files shared with `public/`) "
            "| handbook, minimal theme | Hugo | ratio default / Hugo | ratio minimal / Hugo |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n, w in out_rows:
        f, m, h = w["full"], w["min"], w["hugo"]
        out.append(f"| {label(n)} | {mb(f['site'])} in {f['files']:,} files | {mb(f['suche'])} | {mb(f['print'])} "
                   f"| {mb(f['tantivy'])} | {mb(m['site'])} in {m['files']:,} files | {mb(h['site'])} in {h['files']:,} files "
                   f"| {(f['site'] + f['tantivy']) / h['site']:.2f} | {(m['site'] + m['tantivy']) / h['site']:.2f} |")
    by_n = {n: w for n, w, _ in rows}
    if 10000 in by_n and 50000 in by_n:
        out += [""] + [
            f"Scaling, {label}: 50,000 pages take {by_n[50000][k] / by_n[10000][k]:.2f} × the time of 10,000 (linear: 5)."
            for k, label in (("full", "handbook default theme"), ("min", "handbook minimal theme"), ("hugo", "Hugo"))]
    return "\n".join(out)


class Events(threading.Thread):
    """Reads the preview's event stream; records when each event arrived:
    `reload` (pages changed) and `status` (sent after every update, also
    one that changed no output)."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port, self.events, self.ready = port, [], threading.Event()

    def run(self):
        c = http.client.HTTPConnection("127.0.0.1", self.port)
        c.request("GET", "/__handbook/events")
        r = c.getresponse()
        self.ready.set()
        while True:
            line = r.readline()
            if not line:
                return
            if line.startswith(b"data:"):
                kind = "reload" if b'"reload"' in line else "status" if b'"status"' in line else "other"
                self.events.append((time.perf_counter(), kind))


def frontmatter_edit(text, i):
    """The page with its `stand:` value changed (or the key added)."""
    head, sep, rest = text.partition("\n---\n") if text.startswith("---\n") else ("", "", text)
    if not sep:
        return text
    lines = [l for l in head.split("\n") if not l.startswith("stand:")]
    lines.insert(1, f'stand: "2030-01-{i % 28 + 1:02d}"')
    return "\n".join(lines) + sep + rest


def title_edit(text, i):
    """The page with its title changed (shown in lists, menus and links to it)."""
    return re.sub(r'^title: .*$', f'title: "Geänderter Titel {i}"', text, count=1, flags=re.M)


def await_update(ev, before, t0):
    """Waits until the preview has handled a save: a reload event, or (when
    the output did not change) status events and then 1.5 s of quiet.
    Returns (ms from the save, "reload" or "status")."""
    deadline = time.time() + 180
    while time.time() < deadline:
        new = ev.events[before:]
        reloads = [t for t, k in new if k == "reload"]
        if reloads:
            return (reloads[0] - t0) * 1000, "reload"
        status = [t for t, k in new if k == "status"]
        if status and time.perf_counter() - status[-1] > 1.5:
            return (status[-1] - t0) * 1000, "status"
        time.sleep(0.0005)
    return None, None


def serve_pages(size):
    """The handbook root of a size label and the pages to edit in it."""
    if size == "bundled":
        root = os.path.join(WORK, "bundled")
        shutil.rmtree(root, ignore_errors=True)
        os.makedirs(root)
        for d in ("content", "themes", "editions"):
            shutil.copytree(os.path.join(REPO, d), os.path.join(root, d))
        shutil.copy(os.path.join(REPO, "handbook.yaml"), root)
        return root, [os.path.join(root, "content", "konzepte", "elterncafe.md")]
    root, _, _ = corpus(size)
    if size == "long":
        return root, [os.path.join(root, LONG_BIG_PAGE), mid_page(root)]
    return root, [mid_page(root)]


def wait_for_port(srv):
    for line in srv.stderr:
        # "Vorschau auf …" for a German handbook, "serving …" otherwise
        m = re.match(r"(?:Vorschau auf|serving) http://127\.0\.0\.1:(\d+)/", line)
        if m:
            threading.Thread(target=lambda: [None for _ in srv.stderr], daemon=True).start()
            return int(m.group(1))
    sys.exit("handbook serve did not start")


def edit_latencies(ev, page, change, edits):
    """Saves `page` changed by change(i) `edits` times; ms from each save to its event."""
    original = open(page).read()
    # back to the original first (not timed), so that every edit changes only what it says
    before = len(ev.events)
    with open(page + ".tmp~", "w") as f:
        f.write(original)
    t0 = time.perf_counter()
    os.replace(page + ".tmp~", page)
    await_update(ev, before, t0)
    time.sleep(0.3)
    lat, kinds = [], set()
    for i in range(edits):
        before = len(ev.events)
        tmp = page + ".tmp~"
        with open(tmp, "w") as f:  # saved as editors do: write, then rename
            f.write(change(original, i))
        t0 = time.perf_counter()
        os.replace(tmp, page)
        ms, kind = await_update(ev, before, t0)
        if ms is None:
            sys.exit(f"no event within 180 s after an edit of {page}")
        lat.append(ms)
        kinds.add(kind)
        time.sleep(0.3)
    return lat, kinds


SERVE_EDITS = (
    ("body", lambda text, i: text + f"\nMessung {i}.\n"),
    ("front matter: `stand:` (no template reads it)", frontmatter_edit),
    ("front matter: `title:`", title_edit),
)


def bench_serve(sizes, edits, full_runs):
    out = ["| handbook | pages | page edited | edit | save → event (median) | min | max | event | full build |",
           "|---|---:|---|---|---:|---:|---:|---|---:|"]
    for size in sizes:
        root, pages = serve_pages(size)
        full = f"{med([ours(root)[0] for _ in range(full_runs)]):.2f} s" if full_runs else "–"
        n_pages = sum(1 for _, _, f in os.walk(os.path.join(root, "content")) for x in f if x.endswith(".md"))
        srv = subprocess.Popen([BIN, "serve", "--root", root, "--port", "0"], stderr=subprocess.PIPE, text=True)
        originals = {page: open(page).read() for page in pages}
        try:
            ev = Events(wait_for_port(srv))
            ev.start()
            ev.ready.wait(10)
            time.sleep(0.5)
            for page in pages:
                rel = os.path.relpath(page, os.path.join(root, "content"))
                kb = os.path.getsize(page) / 1000
                for edit, change in SERVE_EDITS:
                    lat, kinds = edit_latencies(ev, page, change, edits)
                    what = " / ".join(sorted(kinds)).replace("status", "status (no reload: output unchanged)")
                    out.append(f"| {size} | {n_pages:,} | `{rel}` ({kb:,.0f} kB) | {edit} | **{med(lat):.0f} ms** "
                               f"| {min(lat):.0f} ms | {max(lat):.0f} ms | {what} | {full} |")
                    print(f"  {size}: {rel}: {edit}: {med(lat):.0f} ms ({what})", file=sys.stderr)
        finally:
            srv.terminate()
            srv.wait()
            for page, text in originals.items():
                with open(page, "w") as f:
                    f.write(text)
    return "\n".join(out)


def main():
    global BIN, LONG_PAGES
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["build", "serve"])
    ap.add_argument("--sizes")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--edits", type=int, default=9)
    ap.add_argument("--full-runs", type=int, default=3, help="full builds to time beside `serve` (0: none)")
    ap.add_argument("--bin", help="the handbook binary to measure (default: target/release/handbook, built first)")
    ap.add_argument("--long-pages", type=int, default=LONG_PAGES, help="pages of the `long` corpus")
    a = ap.parse_args()
    LONG_PAGES = a.long_pages
    os.makedirs(WORK, exist_ok=True)
    if a.bin:
        BIN = os.path.abspath(a.bin)
    else:
        sh(["cargo", "build", "--release", "--locked", "--quiet"], cwd=REPO)
    hugo_version = sh(["hugo", "version"]).stdout.strip().split()[1] if shutil.which("hugo") else "missing"
    cpu = sh(["nproc"]).stdout.strip()
    print(f"<!-- {time.strftime('%Y-%m-%d')} · {cpu} cores · hugo {hugo_version} · `benches/bench.py {' '.join(sys.argv[1:])}` -->")
    if a.what == "build":
        print(bench_build([s if s in ("long", "laws") else int(s) for s in (a.sizes or "1000,10000,50000").split(",")], a.runs))
    else:
        print(bench_serve((a.sizes or "bundled,10000").split(","), a.edits, a.full_runs))


if __name__ == "__main__":
    main()
