#!/usr/bin/env python3
"""Generates a deterministic German handbook corpus for benchmarks.

    benches/gen_corpus.py --pages 10000 --seed 1 --out /tmp/corpus-10k [--hugo]

Writes a handbook root (handbook.yaml + content/) with regions, concepts,
agreements, checks and plain pages in sections of ~200 pages, front matter of
every kind, headings, lists, tables, dense cross-links (Markdown links with
anchors and front-matter references) and a few large pages. With --hugo it
also writes an equivalent Hugo site (same Markdown, minimal templates) into
<out>-hugo, so both generators build the same corpus.
"""
import argparse
import os
import random
import shutil

WORDS = (
    "Familienzentrum Jobcenter Arbeitsagentur Jugendamt Kooperation Vereinbarung Elterncafé "
    "Wiedereinstieg Beratung Kinderbetreuung Alleinerziehende Mütter Väter Qualifizierung Ausbildung "
    "Steuerungsgruppe Koordinierung Fachkräfte Fortbildung Netzwerk Sozialraum Angebot Zielgruppe "
    "Berufsrückkehrerinnen Gleichstellungsbeauftragte Bildungsträger Arbeitsmarkt Jugendhilfe Eltern "
    "Veranstaltung Themenabend Orientierung Erfahrungen Ergebnisse Transfer Region Kommune Kreis Stadt "
    "Projekt Förderung Ministerium Austausch Vertrauen Zugang Schwelle Motivation Ansprechpartnerin "
    "Kooperationsvereinbarung Rahmenvereinbarung Elternkurs Informationsveranstaltung Lotsenbroschüre "
    "Teilzeitausbildung Kindertagesbetreuung Öffnungszeiten Vermittlung Fallmanagement Weiterbildung"
).split()
FILLER = "und oder mit für die der das eine einen im in zur zum auf bei nach über unter von".split()
ROLES = ["Modellregion", "Transferregion", "Referenzkommune", "Modellgebiet"]
CATEGORIES = ["Fortbildung", "Veranstaltung", "Beratung", "Netzwerk"]
KINDS = ["region", "concept", "agreement", "page", "page", "page"]
SECTION_DIR = {"region": "regionen", "concept": "konzepte", "agreement": "vereinbarungen", "page": "seiten"}
TARGET_GROUPS = ["alleinerziehende", "junge-muetter", "stille-reserve", "berufsrueckkehrerinnen", "fachkraefte"]
INSTITUTIONS = ["jobcenter", "agentur-fuer-arbeit", "jugendamt", "familienzentrum", "bildungstraeger"]


def sentence(rng, n=None):
    n = n or rng.randint(8, 18)
    words = [rng.choice(WORDS) if rng.random() < 0.55 else rng.choice(FILLER) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(rng, n=None):
    return " ".join(sentence(rng) for _ in range(n or rng.randint(3, 6)))


class Corpus:
    def __init__(self, pages, seed):
        self.rng = random.Random(seed)
        self.pages = []  # (kind, section_dir, slug, title)
        per_section = 200
        for i in range(pages):
            kind = KINDS[i % len(KINDS)]
            group = i // (per_section * len(KINDS))
            # kinds at the top, parts of ~200 pages below them: the shape of
            # a grown handbook (a flat list of 170 top-level sections would
            # put a 170-item menu on every page of both generators)
            section = f"{SECTION_DIR[kind]}/teil-{group:03d}"
            slug = f"{kind}-{i:05d}"
            title = f"{self.rng.choice(WORDS)} {self.rng.choice(WORDS)} {i}"
            self.pages.append((kind, section, slug, title))
        self.by_kind = {}
        for p in self.pages:
            self.by_kind.setdefault(p[0], []).append(p)

    def link(self, frm, to):
        """A relative Markdown link from page `frm` to page `to` with an anchor."""
        rel = os.path.relpath(f"{to[1]}/{to[2]}.md", frm[1])
        return f"[{to[3]}]({rel}#ueberblick)"

    def refs(self, kind, k):
        pool = self.by_kind.get(kind, [])
        return sorted({self.rng.choice(pool)[2] for _ in range(k)}) if pool else []

    def front_matter(self, p):
        kind, _, slug, title = p
        rng = self.rng
        fm = [f'title: "{title}"', f"kind: {kind}", f'description: "{sentence(rng, 10)}"', f"weight: {rng.randint(0, 50)}"]
        fm.append(f"target_groups: [{', '.join(rng.sample(TARGET_GROUPS, 2))}]")
        fm.append(f"institutions: [{', '.join(rng.sample(INSTITUTIONS, 2))}]")
        if kind == "region":
            fm += [f"role: {rng.choice(ROLES)}", "region_type: Kreis",
                   f"partners: [Jobcenter {title.split()[0]}, Jugendamt, Familienzentrum Sonnenschein]",
                   f"concepts: [{', '.join(self.refs('concept', 3))}]",
                   f"agreements: [{', '.join(self.refs('agreement', 1))}]",
                   f"location: {{lat: {50.4 + rng.random() * 2:.3f}, lon: {6.0 + rng.random() * 3:.3f}}}",
                   'contacts:\n  - {name: "Erika Beispiel", role: Koordination, email: "info@example.org"}',
                   'period: "2013–2015"']
        elif kind == "concept":
            fm += [f"category: {rng.choice(CATEGORIES)}", "led_by: [Agentur für Arbeit, Jobcenter]",
                   'duration: "ca. 90 Minuten"', 'group_size: "10 bis 12 Personen"', "childcare: true",
                   "modules:\n  - {title: Einstieg, description: Kennenlernen}\n  - {title: Vertiefung}",
                   f"regions: [{', '.join(self.refs('region', 2))}]"]
        elif kind == "agreement":
            fm += ["parties: [Jobcenter, Agentur für Arbeit, Jugendamt]",
                   'sections:\n  - {id: "§ 1", title: Ziel}\n  - {id: "§ 2", title: Austausch}',
                   "placeholders:\n  - {key: kommune, label: Kommune}\n  - {key: datum, label: Datum}",
                   f"concepts: [{', '.join(self.refs('concept', 2))}]"]
        return "\n".join(fm)

    def body(self, p):
        rng = self.rng
        large = rng.random() < 0.01
        parts = ["## Überblick", "", paragraph(rng)]
        for _ in range(rng.randint(2, 4) * (8 if large else 1)):
            parts += ["", f"## {rng.choice(WORDS)} und {rng.choice(WORDS)}", "", paragraph(rng)]
            parts += [""] + [f"- {sentence(rng, 6)}" for _ in range(rng.randint(2, 5))]
        parts += ["", "| Merkmal | Wert |", "| --- | --- |"]
        parts += [f"| {rng.choice(WORDS)} | {rng.choice(WORDS)} |" for _ in range(3)]
        parts += ["", "Siehe auch " + ", ".join(self.link(p, rng.choice(self.pages)) for _ in range(3)) + "."]
        if p[0] == "agreement":
            parts += ["", "Geschlossen in [[kommune]] am [[datum]]."]
        return "\n".join(parts) + "\n"

    def write(self, out, hugo_out=None):
        shutil.rmtree(out, ignore_errors=True)
        content = os.path.join(out, "content")
        os.makedirs(content)
        with open(os.path.join(out, "handbook.yaml"), "w") as f:
            f.write('title: "Benchmark-Handbuch"\nlanguage: de\ntaxonomies:\n'
                    '  target_groups: { section: zielgruppen, title: "Zielgruppen" }\n'
                    '  institutions: { section: institutionen, title: "Institutionen" }\n')
        files = {"_index.md": "---\ntitle: Start\n---\nBenchmark-Korpus.\n"}
        for tax, terms in (("zielgruppen", TARGET_GROUPS), ("institutionen", INSTITUTIONS)):
            files[f"{tax}/_index.md"] = f"---\ntitle: {tax.capitalize()}\n---\n"
            for t in terms:
                files[f"{tax}/{t}.md"] = f"---\ntitle: {t}\n---\n{paragraph(self.rng, 2)}\n"
        sections = set()
        for p in self.pages:
            for section in (p[1].split("/")[0], p[1]):
                if section not in sections:
                    sections.add(section)
                    files[f"{section}/_index.md"] = f"---\ntitle: Bereich {section}\n---\n{paragraph(self.rng, 2)}\n"
            files[f"{p[1]}/{p[2]}.md"] = f"---\n{self.front_matter(p)}\n---\n{self.body(p)}"
        for rel, text in files.items():
            path = os.path.join(content, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                f.write(text)
        if hugo_out:
            write_hugo(out, hugo_out)
            write_minimal(out, out.rstrip("/") + "-min")


HUGO_BASEOF = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{{ .Title }} – {{ site.Title }}</title>
<link rel="stylesheet" href="/static/style.css"></head>
<body><nav><ul>{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
"""
HUGO_SINGLE = """{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Description }}</p>
{{ with .Params.role }}<p>{{ . }}</p>{{ end }}{{ with .Params.partners }}<ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
{{ .TableOfContents }}{{ .Content }}</article>{{ end }}
"""
HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>{{ end }}</ul>{{ end }}
"""


# Our theme reduced to what HUGO_* render, file for file: the comparison of
# the two engines at equal template work. Files on disk override the
# built-in default theme's by name; partials/toc.html stays (Hugo's
# .TableOfContents), print, search and 404 pages stay (Hugo has none).
MINIMAL_BASE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{% block title %}{% if page is defined %}{{ page.title }}{% endif %}{% endblock title %} – {{ site.title }}</title>
<link rel="stylesheet" href="/static/style.css"></head>
<body><nav><ul>{% for item in nav %}<li><a href="{{ item.url }}">{{ item.title }}</a></li>{% endfor %}</ul></nav>
<main>{% block content %}{% endblock content %}</main>{# blocks the built-in special pages fill: #}
{% block meta %}{% endblock meta %}{% block body_class %}{% endblock body_class %}{% block breadcrumbs %}{% endblock breadcrumbs %}
{% block pager %}{% endblock pager %}{% block scripts %}{% endblock scripts %}{% block search_attrs %}{% endblock search_attrs %}</body></html>
"""
MINIMAL_SINGLE = """{% extends "base.html" %}{% block content %}<article><h1>{{ page.title }}</h1><p>{{ page.description }}</p>
{% if page.meta.role %}<p>{{ page.meta.role }}</p>{% endif %}{% if page.meta.partners %}<ul>{% for p in page.meta.partners %}<li>{{ p }}</li>{% endfor %}</ul>{% endif %}
{% include "partials/toc.html" %}{{ page.content | safe }}</article>{% endblock content %}
"""
MINIMAL_LIST = """{% extends "base.html" %}{% block content %}<h1>{{ page.title }}</h1>{{ page.content | safe }}
<ul>{% if page.section %}{% for p in page.section.pages %}<li><a href="{{ p.url }}">{{ p.title }}</a> {{ p.description }}</li>{% endfor %}{% for p in page.section.subsections %}<li><a href="{{ p.url }}">{{ p.title }}</a> {{ p.description }}</li>{% endfor %}{% endif %}</ul>{% endblock content %}
"""


def write_minimal(src, out):
    """The same handbook with our theme cut down to the Hugo twin's templates."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(os.path.join(src, "content"), os.path.join(out, "content"))
    shutil.copy(os.path.join(src, "handbook.yaml"), out)
    templates = os.path.join(out, "themes", "default", "templates")
    os.makedirs(templates)
    files = {"base.html": MINIMAL_BASE, "section.html": MINIMAL_LIST, "index.html": MINIMAL_LIST}
    for kind in ("page", "region", "concept", "agreement", "check"):
        files[f"{kind}.html"] = MINIMAL_SINGLE
    for name, text in files.items():
        with open(os.path.join(templates, name), "w") as f:
            f.write(text)


def write_hugo(src, out):
    """The same content as a Hugo site with an equivalent minimal template."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(os.path.join(src, "content"), os.path.join(out, "content"))
    os.makedirs(os.path.join(out, "layouts", "_default"))
    with open(os.path.join(out, "hugo.yaml"), "w") as f:
        f.write("baseURL: /\ntitle: Benchmark-Handbuch\nlanguageCode: de\ndisableKinds: [taxonomy, term, RSS]\n"
                "markup:\n  goldmark:\n    renderer:\n      unsafe: false\n")
    for name, text in (("baseof.html", HUGO_BASEOF), ("single.html", HUGO_SINGLE), ("list.html", HUGO_LIST)):
        with open(os.path.join(out, "layouts", "_default", name), "w") as f:
            f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--hugo", action="store_true",
                    help="also write <out>-hugo and <out>-min (our theme cut to the Hugo templates)")
    a = ap.parse_args()
    Corpus(a.pages, a.seed).write(a.out, a.out.rstrip("/") + "-hugo" if a.hugo else None)


if __name__ == "__main__":
    main()
