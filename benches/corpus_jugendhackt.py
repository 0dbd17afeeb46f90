#!/usr/bin/env python3
"""Turns Jugend hackt's „Handbuch Jugend-Hackathons“ into a handbook root.

    benches/corpus_jugendhackt.py --repo /work/.mirror/Jugendhackt+Handbuch-Jugend-Hackathons/repo \
        --out /tmp/relevance/jugendhackt

Every `_chapters_de/<NN_Kapitel>/<name>.md` becomes
`content/<nn-kapitel>/<name>.md` with its title (and chapter number, as
the handbook prints it, in the description). Images and links into the
Jekyll site are kept as their text: neither exists outside it. The text
is CC BY-SA 4.0 and is not committed here; fetch the repository, then
run this.
"""
import argparse
import re
import shutil
import subprocess
import os


def git(repo, *args):
    return subprocess.run(["git", "--git-dir", repo, *args], check=True, capture_output=True).stdout


def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def slug(s):
    s = s.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default="/work/.mirror/Jugendhackt+Handbuch-Jugend-Hackathons/repo")
    ap.add_argument("--out", default="/tmp/relevance/jugendhackt")
    a = ap.parse_args()
    files = [f for f in git(a.repo, "-c", "core.quotepath=off", "ls-tree", "-r", "--name-only", "HEAD").decode().splitlines()
             if f.startswith("_chapters_de/") and f.endswith(".md")]
    content = os.path.join(a.out, "content")
    shutil.rmtree(a.out, ignore_errors=True)
    os.makedirs(content)
    with open(os.path.join(a.out, "handbook.yaml"), "w") as f:
        f.write('title: "Handbuch Jugend-Hackathons"\ndescription: "Ein Leitfaden für die Praxis."\nlanguage: de\n')
    with open(os.path.join(content, "_index.md"), "w") as f:
        f.write('---\ntitle: "Handbuch Jugend-Hackathons"\n---\nEin Leitfaden für die Praxis.\n')
    for path in sorted(files):
        _, chapter, name = path.split("/")
        text = git(a.repo, "show", f"HEAD:{path}").decode("utf-8", "replace").replace("\r\n", "\n").lstrip("\ufeff \t\n")
        m = re.match(r"---\s*\n(.*?)\n---[ \t]*(?:\n|\Z)", text, re.S)
        front, body = (m.group(1), text[m.end():]) if m else ("", text)
        t = re.search(r"^title:\s*(.*)$", front, re.M)
        title = t.group(1).strip().strip('"').strip("'") if t else name[:-3]
        body = body.replace("{{", "{ {").replace("{%", "{ %")
        body = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", body)
        body = re.sub(r"\[([^\]]*)\]\((?!https?:)[^)]*\)", r"\1", body)
        body = re.sub(r"<img[^>]*>", "", body)
        # indented first lines would read as code blocks
        body = re.sub(r"^[ \t]+$", "", body, flags=re.M)
        d = os.path.join(content, slug(chapter))
        if not os.path.isdir(d):
            os.makedirs(d)
            with open(os.path.join(d, "_index.md"), "w") as f:
                f.write(f"---\ntitle: {yaml_str(re.sub(r'^[0-9]+_', '', chapter).replace('_', ' '))}\n---\n")
        with open(os.path.join(d, slug(name[:-3]) + ".md"), "w") as f:
            f.write(f"---\ntitle: {yaml_str(title)}\n---\n{body}")
    print(f"{len(files)} chapters → {content}")


if __name__ == "__main__":
    main()
