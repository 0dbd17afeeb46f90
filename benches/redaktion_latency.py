#!/usr/bin/env python3
"""Latency of the Redaktion (`handbook serve --edit`) over HTTP, as the
browser calls it: page list, load, draft (check and render of an edited
draft), save, and save → reload event; the reference picker's title
search and the find panel's phrase search (both on the find index).

    cd /tmp/handbook-bench/c10000            # any handbook; it is edited
    handbook serve --edit --port 8790 2> /tmp/serve.err &
    python3 benches/redaktion_latency.py /tmp/serve.err

It reads the `Redaktion: …?token=…` line from the server's stderr, exchanges
the token for the session cookie, and writes to the handbook (a region page
gets a changed title and a new sentence). Each save is timed twice: sent
cold, and as the editor sends it, after the draft check of the same text
that the editor makes as one types (which the save then reuses).
"""
import json
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

err = sys.argv[1]
start = [l for l in open(err) if l.startswith("Redaktion:")][0].split(" ", 1)[1].strip()
base = start.split("/_redaktion")[0]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


try:
    urllib.request.build_opener(NoRedirect).open(start)
except urllib.error.HTTPError as e:
    cookie = e.headers["set-cookie"].split(";")[0]


def req(method, path, body=None):
    headers, data = {"Cookie": cookie}, None
    if body is not None:
        headers.update({"Origin": base, "X-Redaktion": "1", "Content-Type": "application/json"})
        data = json.dumps(body).encode()
    r = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(r) as resp:
            out = resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as e:
        out = e.code, json.loads(e.read())
    return out, (time.perf_counter() - t) * 1000


reloads = []


def listen():
    for line in urllib.request.urlopen(base + "/__handbook/events"):
        line = line.decode()
        if line.startswith("data:") and "reload" in line:
            reloads.append(time.perf_counter())
            return


def save_to_reload(label, page_id, fields, body, version):
    reloads.clear()
    threading.Thread(target=listen, daemon=True).start()
    time.sleep(0.5)
    t0 = time.perf_counter()
    (status, _), ms = req("PUT", "/_redaktion/api/pages/" + page_id, {"fields": fields, "body": body, "hash": version})
    print(f"{label} save {status}: {ms:.0f} ms")
    for _ in range(1500):
        if reloads:
            break
        time.sleep(0.02)
    print(f"{label} save to reload event: " + (f"{(reloads[0] - t0) * 1000:.0f} ms" if reloads else "no reload"))


def median_ms(label, calls):
    times = []
    for path in calls:
        (status, out), ms = req("GET", path)
        assert status == 200, (status, out)
        times.append(ms)
    times.sort()
    print(f"{label}: median {times[len(times) // 2]:.0f} ms, max {times[-1]:.0f} ms ({len(times)} requests)")


# the find index is made at the editor's start; wait until the picker answers
for _ in range(600):
    (status, out), _ = req("GET", "/_redaktion/api/titel?q=a")
    if status == 200 and out["pages"]:
        break
    time.sleep(0.1)

times = []
for _ in range(3):
    (_, pages), ms = req("GET", "/_redaktion/api/pages")
    times.append(ms)
print(f"list of {len(pages['pages'])} pages: {min(times):.0f} ms (best of 3)")
pid = [p["id"] for p in pages["pages"] if p["kind"] == "region"][0]

# as one types a title into a reference field: every prefix of a few titles
titles = [p["title"] for p in pages["pages"] if p["kind"] in ("concept", "region")][:8]
typed = [t[:n] for t in titles for n in range(3, min(len(t), 14) + 1, 2)]
median_ms("picker, title typed letter by letter", ["/_redaktion/api/titel?art=concept&q=" + urllib.parse.quote(q) for q in typed])
# find: a phrase of three words from a page's text, as one looks for a
# sentence to change, and a word of a title, which stands on many pages
phrases = []
for p in pages["pages"][:400:40]:
    (_, loaded), _ = req("GET", "/_redaktion/api/pages/" + p["id"])
    words = [w.strip(".,;:()*_#") for w in loaded["body"].split()]
    words = [w for w in words if w.isalpha()]
    if len(words) > 20:
        phrases.append(" ".join(words[10:13]))
median_ms("find panel, a phrase of three words", ["/_redaktion/api/finden?egal=true&text=" + urllib.parse.quote(w) for w in phrases])
words = [w for t in titles for w in t.split() if len(w) > 4][:10]
median_ms("find panel, a word of a title (on many pages; the first 500 places listed)", ["/_redaktion/api/finden?egal=true&text=" + urllib.parse.quote(w) for w in words])
(_, page), ms = req("GET", "/_redaktion/api/pages/" + pid)
print(f"load: {ms:.1f} ms")
times = []
for i in range(5):
    draft = {"fields": page["fields"], "body": page["body"] + f"\nNeu {i}\n"}
    (status, d), ms = req("POST", f"/_redaktion/api/pages/{pid}/draft", draft)
    times.append(ms)
times.sort()
print(f"draft, body changed: median {times[2]:.0f} ms, max {times[-1]:.0f} ms")
fields = dict(page["fields"], title=page["fields"]["title"] + " (geändert)")
save_to_reload("title", pid, fields, page["body"], page["hash"])
(_, page), _ = req("GET", "/_redaktion/api/pages/" + pid)
times = []
for i in range(3):
    fields = dict(page["fields"], title=page["fields"]["title"] + f" {i}")
    _, ms = req("POST", f"/_redaktion/api/pages/{pid}/draft", {"fields": fields, "body": page["body"]})
    times.append(ms)
times.sort()
print(f"draft, title changed: median {times[1]:.0f} ms")
save_to_reload("body", pid, page["fields"], page["body"] + "\nNoch ein Satz.\n", page["hash"])
# As the editor saves: it checks every change as it is made (a draft
# request after each keystroke), so „Speichern“ sends a text the server
# has just checked, which the save then need not check again.
for label, change in [
    ("title, checked first as in the editor,", lambda f, b: (dict(f, title=f["title"] + " (neu)"), b)),
    ("body, checked first as in the editor,", lambda f, b: (f, b + "\nUnd noch ein Satz.\n")),
]:
    (_, page), _ = req("GET", "/_redaktion/api/pages/" + pid)
    fields, body = change(page["fields"], page["body"])
    req("POST", f"/_redaktion/api/pages/{pid}/draft", {"fields": fields, "body": body})
    save_to_reload(label, pid, fields, body, page["hash"])
