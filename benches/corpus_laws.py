#!/usr/bin/env python3
"""Turns bundestag/gesetze (federal laws as Markdown) into a handbook root.

    benches/corpus_laws.py --repo /work/.mirror/bundestag+gesetze/repo --out /tmp/laws

Reads the repository straight from git (a bare mirror needs no work tree):
every `<letter>/<slug>/index.md` becomes `content/gesetze/<letter>/<slug>.md`
with the law's title as page title, its `# Title (Abk.)` line dropped
(the page template writes the title) and the rest of the Markdown as is.
The corpus is not committed: fetch the repository, then run this.
"""
import argparse
import os
import re
import shutil
import subprocess


def git(repo, *args):
    return subprocess.run(["git", "--git-dir", repo, *args], check=True, capture_output=True).stdout


def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def convert(text):
    """(title, body) of one law's index.md."""
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    front, body = (m.group(1), text[m.end():]) if m else ("", text)
    title = re.search(r"^Title:\s*(.*)$", front, re.M)
    abbr = re.search(r"^jurabk:\s*(.*)$", front, re.M)
    # the `# …` line repeats the title but may wrap onto a second line
    h1 = re.search(r"^# (.+)$", body, re.M)
    if h1:
        body = body[:h1.start()] + body[h1.end():]
    name = title.group(1).strip() if title else (h1.group(1).strip() if h1 else "Ohne Titel")
    if abbr and abbr.group(1).strip() not in name:
        name += f" ({abbr.group(1).strip()})"
    # `{{` would read as a shortcode; laws have none, but a stray pair must not break the build
    body = body.replace("{{", "{ {").replace("{%", "{ %")
    # the scanned pages (`![](bgbl1_….jpg)`) are not in the repository: keep the alt text
    body = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", body)
    return name, body


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default="/work/.mirror/bundestag+gesetze/repo")
    ap.add_argument("--out", default="/tmp/relevance/laws")
    ap.add_argument("--rev", default="HEAD")
    a = ap.parse_args()
    files = [f for f in git(a.repo, "ls-tree", "-r", "--name-only", a.rev).decode().splitlines()
             if re.fullmatch(r"[a-z0-9]/[^/]+/index\.md", f)]
    content = os.path.join(a.out, "content")
    shutil.rmtree(a.out, ignore_errors=True)
    os.makedirs(content)
    with open(os.path.join(a.out, "handbook.yaml"), "w") as f:
        f.write('title: "Bundesgesetze"\ndescription: "Gesetze und Verordnungen des Bundes."\nlanguage: de\n')
    with open(os.path.join(content, "_index.md"), "w") as f:
        f.write('---\ntitle: "Bundesgesetze"\n---\nGesetze und Verordnungen des Bundes.\n')
    os.makedirs(os.path.join(content, "gesetze"))
    with open(os.path.join(content, "gesetze", "_index.md"), "w") as f:
        f.write('---\ntitle: "Gesetze"\n---\n')
    # one `git cat-file --batch` for all files: 6,000 processes would take minutes
    proc = subprocess.Popen(["git", "--git-dir", a.repo, "cat-file", "--batch"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    letters = set()
    for path in files:
        proc.stdin.write(f"{a.rev}:{path}\n".encode())
        proc.stdin.flush()
        header = proc.stdout.readline().split()
        size = int(header[2])
        data = proc.stdout.read(size)
        proc.stdout.read(1)
        letter, slug, _ = path.split("/")
        if letter not in letters:
            letters.add(letter)
            os.makedirs(os.path.join(content, "gesetze", letter))
            with open(os.path.join(content, "gesetze", letter, "_index.md"), "w") as f:
                f.write(f'---\ntitle: "Gesetze {letter.upper()}"\n---\n')
        title, body = convert(data.decode("utf-8", "replace"))
        with open(os.path.join(content, "gesetze", letter, slug + ".md"), "w") as f:
            f.write(f"---\ntitle: {yaml_str(title)}\n---\n{body}")
    proc.stdin.close()
    proc.wait()
    print(f"{len(files)} laws → {content}")


if __name__ == "__main__":
    main()
