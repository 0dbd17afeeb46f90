#!/usr/bin/env python3
"""Generates a deterministic German handbook corpus for benchmarks.

    benches/gen_corpus.py --pages 10000 --seed 1 --out /tmp/corpus-10k [--hugo]

Writes a handbook root (handbook.yaml + content/) with regions, concepts,
agreements, checks and plain pages in sections of ~200 pages, front matter of
every kind, headings, lists, tables, dense cross-links (Markdown links with
anchors and front-matter references) and a few large pages. With --hugo it
also writes an equivalent Hugo site (same Markdown, minimal templates) into
<out>-hugo, so both generators build the same corpus.

    benches/gen_corpus.py --long --pages 6000 --seed 1 --out /tmp/long [--hugo]
        [--queries benches/long_queries.json]

--long writes a corpus of long documents instead, like legal or
administrative texts: pages of ~25 KB of Markdown on average (log-normal,
1 KB to 400 KB, and one page in a thousand of 0.8–1.6 MB, among them
seiten/teil-000/page-00003.md of ~1.5 MB), each with many h2/h3 sections,
paragraphs, lists and tables, drawn from a German vocabulary of 50,000 word
forms with a Zipf distribution (benches/german_vocab.py: real frequent
words, inflected forms and generated compounds) plus place names, dates,
amounts, legal references and file numbers; and files beside the pages
(PNG and JPEG images, PDFs; about two for every three pages, log-normal
sizes of 2 KB to 3 MB) linked from the Markdown. Front matter as in the
default corpus, plus a `stand:` key no template reads. --queries writes the
search benchmark's query set for this corpus (see write_queries).
"""
import argparse
import hashlib
import json
import math
import operator
import os
import random
import shutil
import struct
import sys
import zlib

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


# ---------------------------------------------------------------- long documents

def _zipf_cum(n, q=2.7, s=1.0):
    """Cumulative Zipf–Mandelbrot weights 1/(rank + q)^s for ranks 1..n."""
    acc, out = 0.0, []
    for r in range(1, n + 1):
        acc += 1.0 / (r + q) ** s
        out.append(acc)
    return out


TABLE_BITS = 22
_MASK6 = bytes(b & 0x3F for b in range(256))


class ZipfSampler:
    """Draws words with Zipf–Mandelbrot weights (exponent 1.1: with 50,000
    forms, about 45 % of the words are function words, a fifth compounds, and
    the rarest form still occurs a dozen times in 6,000 pages) fast: a table of 2^22 slots,
    each word in as many slots as its weight (at least one), indexed by
    22-bit numbers made from random bytes; the look-up is one C call."""

    def __init__(self, words):
        cum = _zipf_cum(len(words), s=1.1)
        size = 1 << TABLE_BITS
        counts = [max(1, round((cum[i] - (cum[i - 1] if i else 0)) / cum[-1] * size)) for i in range(len(words))]
        counts[0] += size - sum(counts)
        table = []
        for w, c in zip(words, counts):
            table.extend([w] * c)
        self.table = table

    def draw(self, rng, n):
        r = rng.randbytes(3 * n)
        b = bytearray(4 * n)
        b[0::4] = r[0::3]
        b[1::4] = r[1::3]
        b[2::4] = r[2::3].translate(_MASK6)
        idx = memoryview(b).cast("I")
        if n == 1:
            return [self.table[idx[0]]]
        return list(operator.itemgetter(*idx)(self.table))


def _noise(key, n):
    """n deterministic pseudo-random bytes (incompressible, like image data)."""
    return hashlib.shake_256(key.encode()).digest(n)


def _png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def make_png(key, size):
    """A valid RGB PNG of about `size` bytes (noise, stored uncompressed like a photo's entropy)."""
    w = max(16, min(1600, int(math.sqrt(size / 3 * 1.5))))
    h = max(1, size // (3 * w + 1))
    raw = bytearray(_noise(key, h * (3 * w + 1)))
    raw[::3 * w + 1] = bytes(h)  # filter byte 0 at the start of every row
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + _png_chunk(b"IDAT", zlib.compress(bytes(raw), 0)) + _png_chunk(b"IEND", b""))


def make_jpeg(key, size):
    """A JPEG-shaped file of about `size` bytes: JFIF, quantisation and frame
    headers, then entropy-coded-looking noise (no 0xFF inside) and EOI."""
    w = max(16, min(4000, int(math.sqrt(size * 6))))
    h = max(16, int(w * 0.66))
    head = (b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x01\x00H\x00H\x00\x00"
            + b"\xff\xdb" + struct.pack(">H", 67) + b"\x00" + bytes(range(1, 65))
            + b"\xff\xc0" + struct.pack(">HBHHB", 17, 8, h, w, 3) + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
            + b"\xff\xda" + struct.pack(">HB", 12, 3) + b"\x01\x00\x02\x11\x03\x11\x00\x3f\x00")
    body = _noise(key, max(0, size - len(head) - 2)).replace(b"\xff", b"\xfe")
    return head + body + b"\xff\xd9"


def make_pdf(key, size, title):
    """A valid one-page PDF of about `size` bytes: a title line and a noise image."""
    w = max(8, min(1200, int(math.sqrt(size / 3 * 1.4))))
    h = max(1, (size - 900) // (3 * w))
    img = _noise(key, w * h * 3)
    text = title.encode("ascii", "replace").replace(b"(", b"[").replace(b")", b"]")
    content = b"BT /F1 14 Tf 72 770 Td (" + text + b") Tj ET q 451 0 0 300 72 400 cm /Im1 Do Q"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> "
            b"/Font << /F1 6 0 R >> >> /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
            b"/BitsPerComponent 8 /Length %d >>\nstream\n" % (w, h, len(img)) + img + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember"]
# real words the long corpus never uses: the missing half of two-word queries
ABSENT = ("Zahnarzt Fahrrad Urlaubsreise Bahnhof Steuererklärung Regenschirm Fußballverein Kaffeemaschine "
          "Gartenzaun Segelboot Zugspitze Tierarzt").split()
BIG_PAGE = 3  # seiten/teil-000/page-00003.md: the ~1.5 MB page the preview benchmark edits


def _levenshtein(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


class LongCorpus(Corpus):
    """Long documents with files beside them (see the module docstring)."""

    def __init__(self, pages, seed):
        super().__init__(pages, seed)
        from german_vocab import PLACES, SGB, build_vocabulary
        self.seed = seed
        self.places, self.sgb = PLACES, SGB
        self.vocab = build_vocabulary()
        self.words = self.vocab.words
        self.all = ZipfSampler(self.words)
        self.content = [w for w in self.words if self.vocab.kinds[w] != "function"]
        self.contentwords = ZipfSampler(self.content)
        self.nouns = ZipfSampler([w for w in self.content if w[:1].isupper()])
        self.caps = {w: w[:1].upper() + w[1:] for w in self.words}
        rng = random.Random(seed * 7919 + 17)
        self.file_numbers = [f"{rng.choice('ABCDEFGHKLMPSTZ')}{rng.randint(1, 99)}-{rng.randint(100, 9999)}/{rng.randint(2015, 2026)}"
                             for _ in range(5000)]
        # titles from the vocabulary instead of the short word list
        retitled = []
        for kind, section, slug, _ in self.pages:
            i = int(slug.rsplit("-", 1)[1])
            t = self.nouns.draw(rng, 2)
            title = f"{t[0]} {rng.choice(['und', 'im', 'für', 'zur', 'mit'])} {t[1]} {i}"
            retitled.append((kind, section, slug, title))
        self.pages = retitled
        self.by_kind = {}
        for p in self.pages:
            self.by_kind.setdefault(p[0], []).append(p)
        self.tracked = {}  # word -> set of page indices, for the query set's expected pages

    # -- text
    def _cap(self, w):
        return self.caps.get(w) or w[:1].upper() + w[1:]

    def _extra(self, rng):
        r = rng.random()
        if r < 0.3:
            return f"§ {rng.randint(1, 99)}{rng.choice(['', '', 'a', 'b'])} SGB {rng.choice(self.sgb)}"
        if r < 0.5:
            return f"{rng.randint(1, 28)}. {rng.choice(MONTHS)} {rng.randint(2012, 2026)}"
        if r < 0.65:
            return f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(2012, 2026)}"
        if r < 0.8:
            return f"{rng.randint(1, 9)}.{rng.randint(0, 999):03d} Euro"
        if r < 0.93:
            return rng.choice(self.places)
        return f"Az. {rng.choice(self.file_numbers)}"

    def _sentences(self, rng, n_words, drawn):
        toks = self.all.draw(rng, n_words)
        drawn.append(toks)
        out, i = [], 0
        r = rng.random
        caps = self.caps
        while i < n_words:
            k = 5 + int(r() * 15)
            s = toks[i:i + k]
            i += k
            x = r()
            if x < 0.18:
                s.insert(int(r() * (len(s) + 1)), self._extra(rng))
            elif x < 0.6 and len(s) > 9:
                s[len(s) // 2] += ","
            w = s[0]
            s[0] = caps.get(w) or w[:1].upper() + w[1:]
            out.append(" ".join(s) + ".")
        return " ".join(out)

    def _nounphrase(self, rng, drawn, k):
        ws = self.contentwords.draw(rng, k)
        drawn.append(ws)
        ws[0] = self._cap(ws[0])
        if k >= 3:
            ws.insert(1, rng.choice(["und", "für", "im", "zur", "bei", "nach", "mit"]))
        return " ".join(ws)

    def _list(self, rng, drawn):
        numbered = rng.random() < 0.35
        items = []
        for j in range(rng.randint(3, 8)):
            text = self._sentences(rng, rng.randint(4, 16), drawn)
            items.append(f"{j + 1}. {text}" if numbered else f"- {text}")
        return "\n".join(items)

    def _table(self, rng, drawn):
        cols = rng.randint(3, 5)
        head = [self._nounphrase(rng, drawn, 1) for _ in range(cols)]
        lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * cols]
        for _ in range(rng.randint(3, 12)):
            cells = []
            for c in range(cols):
                r = rng.random()
                cells.append(self._nounphrase(rng, drawn, rng.randint(1, 2)) if c == 0 or r < 0.5
                             else self._extra(rng) if r < 0.75 else f"{rng.randint(0, 2500)}")
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines)

    def page_size(self, i, rng):
        if i % 1000 == BIG_PAGE:
            return 1_500_000 if i == BIG_PAGE else rng.randint(800_000, 1_600_000)
        return int(min(400_000, max(1_000, rng.lognormvariate(math.log(12_500), 1.0))))

    def long_body(self, p, i, rng, assets, drawn):
        """Markdown of about page_size bytes: sections, subsections, paragraphs,
        lists, tables, links to other pages, references to the files beside it."""
        target = self.page_size(i, rng)
        parts = ["## Überblick", "", self._sentences(rng, rng.randint(40, 120), drawn)]
        size = len(parts[-1])
        links = [self.link(p, rng.choice(self.pages)) for _ in range(rng.randint(3, 10))]
        pending = list(assets)
        h2 = 0
        while size < target:
            h2 += 1
            block = ["", f"## {h2}. {self._nounphrase(rng, drawn, rng.randint(1, 4))}", ""]
            block.append(self._sentences(rng, rng.randint(30, 140), drawn))
            for h3 in range(rng.choice([0, 0, 1, 2, 3, 4])):
                block += ["", f"### {h2}.{h3 + 1} {self._nounphrase(rng, drawn, rng.randint(1, 3))}", ""]
                for _ in range(rng.randint(1, 3)):
                    para = self._sentences(rng, rng.randint(30, 160), drawn)
                    if links and rng.random() < 0.15:
                        para += f" Siehe auch {links.pop()}."
                    block += [para, ""]
                r = rng.random()
                if r < 0.3:
                    block += [self._list(rng, drawn), ""]
                elif r < 0.42:
                    block += [self._table(rng, drawn), ""]
            if pending and rng.random() < 0.3:
                name, kind, nbytes = pending.pop()
                if kind == "pdf":
                    block += ["", f"Die Vorlage steht als [{self._nounphrase(rng, drawn, 2)} (PDF, {nbytes // 1000} KB)]({name}) zum Download bereit."]
                else:
                    block += ["", f"![Abbildung {h2}: {self._nounphrase(rng, drawn, 2)}]({name})"]
            text = "\n".join(block)
            parts.append(text)
            size += len(text.encode())
        tail = []
        for name, kind, nbytes in pending:
            tail.append(f"- [Anlage {name} ({nbytes // 1000} KB)]({name})" if kind == "pdf"
                        else f"- ![Abbildung: {self._nounphrase(rng, drawn, 2)}]({name})")
        if tail:
            parts += ["", "## Anlagen", ""] + tail
        if links:
            parts += ["", "Siehe auch " + ", ".join(links) + "."]
        if p[0] == "agreement":
            parts += ["", "Geschlossen in [[kommune]] am [[datum]]."]
        return "\n".join(parts) + "\n"

    def assets_for(self, p, rng):
        """Files beside page p: none for half the pages, else one to two and
        rarely more (about 2/3 of a file per page); names, kinds, sizes."""
        r = rng.random()
        n = 0 if r < 0.55 else 1 if r < 0.82 else 2 if r < 0.985 else rng.randint(3, 6)
        out = []
        for j in range(n):
            kind = rng.choice(["png", "jpg", "jpg", "pdf", "pdf"])
            nbytes = int(min(3_000_000, max(2_000, rng.lognormvariate(math.log(30_000), 1.0))))
            stem = {"png": "grafik", "jpg": "foto", "pdf": "anlage"}[kind]
            out.append((f"{p[2]}-{stem}-{j + 1}.{kind}", kind, nbytes))
        return out

    def write_page(self, content, i, p):
        rng = random.Random(self.seed * 1_000_003 + i)
        self.rng = rng  # Corpus.front_matter draws from self.rng
        fm = self.front_matter(p).split("\n")
        drawn = []
        fm[2] = f'description: "{self._sentences(rng, rng.randint(8, 16), drawn)}"'
        fm.append(f'stand: "{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"')
        assets = self.assets_for(p, rng)
        body = self.long_body(p, i, rng, assets, drawn)
        folder = os.path.join(content, p[1])
        with open(os.path.join(folder, p[2] + ".md"), "w") as f:
            f.write("---\n" + "\n".join(fm) + "\n---\n" + body)
        nbytes = 0
        for name, kind, size in assets:
            key = f"{self.seed}/{p[1]}/{name}"
            data = (make_png(key, size) if kind == "png" else make_jpeg(key, size) if kind == "jpg"
                    else make_pdf(key, size, f"{p[3]} - {name}"))
            with open(os.path.join(folder, name), "wb") as f:
                f.write(data)
            nbytes += len(data)
        if self.tracked:
            seen = set()
            for toks in drawn:
                seen.update(toks)
            for w in seen.intersection(self.tracked):
                self.tracked[w].add(i)
        return len(body), len(assets), nbytes

    # -- the search benchmark's query set
    def plan_queries(self):
        """Chooses the queries before the text is written (so the pages that
        contain their words can be recorded while writing): frequent words,
        half-typed words, typos, two-word queries with a missing or a present
        second word, parts of compounds and rare words. 'Tail' words (Zipf
        ranks 15,000 and below) occur in few pages, which become the
        query's expected pages."""
        rng = random.Random(self.seed * 31 + 5)
        kinds = self.vocab.kinds
        content = self.content
        lower_vocab = {}
        for w in self.words:
            lower_vocab.setdefault(w.lower(), []).append(w)

        def distinct(pool, n, min_len=1, taken=None):
            """n words of pool, none sharing its first four letters with a word taken before."""
            taken = taken if taken is not None else set()
            out = []
            for w in pool:
                if len(w) >= min_len and w[:4].lower() not in taken:
                    taken.add(w[:4].lower())
                    out.append(w)
                    if len(out) == n:
                        break
            return out

        frequent_pool = content[:400]
        tail_pool = content[15000:]
        rare_pool = content[-8000:]
        plan = []
        taken = set()
        for w in distinct(frequent_pool, 20, 3, taken):
            plan.append({"q": w, "category": "frequent", "why": "one of the most frequent content words", "words": []})

        def prefix_of(w):
            return w[:min(len(w) - 1, max(3, math.ceil(len(w) * 0.6)))]
        for w in distinct(frequent_pool[20:], 8, 6, taken) + distinct(rng.sample(tail_pool, 400), 8, 8, taken):
            pre = prefix_of(w)
            completions = [v for v in self.words if v.lower().startswith(pre.lower())]
            plan.append({"q": pre, "category": "prefix", "why": f"half-typed `{w}`", "words": completions})

        letters = "aeinrstulhgcmobdfkwzpvüäö"

        def typo(w):
            ops = 1 if len(w) < 9 else 2
            for _ in range(100):
                t = w
                for _ in range(ops):
                    i = rng.randrange(1, len(t))  # the first letter stays right
                    op = rng.choice(["sub", "del", "ins", "swap"])
                    if op == "sub":
                        t = t[:i] + rng.choice(letters) + t[i + 1:]
                    elif op == "del":
                        t = t[:i] + t[i + 1:]
                    elif op == "ins":
                        t = t[:i] + rng.choice(letters) + t[i:]
                    elif i < len(t) - 1:
                        t = t[:i] + t[i + 1] + t[i] + t[i + 2:]
                d = _levenshtein(w.lower(), t.lower())
                if t.lower() not in lower_vocab and 1 <= d <= ops:
                    return t, d
            return None, 0
        for w in distinct(frequent_pool[40:], 8, 5, taken) + distinct(rng.sample(tail_pool, 400), 8, 7, taken):
            t, d = typo(w)
            if t:
                plan.append({"q": t, "category": "typo", "why": f"`{w}` with {d} typo{'s' if d > 1 else ''}", "words": [w]})

        absent = list(ABSENT)
        rng.shuffle(absent)
        for j, w in enumerate(distinct(frequent_pool[60:], 4, 5, taken) + distinct(rng.sample(tail_pool, 400), 4, 5, taken)):
            a = absent[j % len(absent)]
            q = f"{w} {a}" if j % 2 == 0 else f"{a} {w}"
            plan.append({"q": q, "category": "missing-word", "why": f"`{a}` occurs nowhere", "words": [w]})

        from german_vocab import HEADS
        heads = [h.split("/")[0] for h in HEADS]
        standalone = [h for h in heads if h.capitalize() in kinds]
        bound = [h for h in heads if h.capitalize() not in kinds]
        for h in rng.sample(standalone, 5) + rng.sample(bound, 5):
            words = [w for w, ps in self.vocab.parts.items() if ps[-1] == h] + lower_vocab.get(h, []) \
                + lower_vocab.get(h.capitalize().lower(), [])
            plan.append({"q": h.capitalize(), "category": "compound-part",
                         "why": "also a word of its own" if h in standalone else "only inside compounds",
                         "words": sorted(set(words))})

        for a, b in zip(distinct(frequent_pool[80:], 6, 5, taken), distinct(rng.sample(tail_pool, 400), 6, 5, taken)):
            plan.append({"q": f"{a} {b}", "category": "two-words", "why": "both occur", "words": [b], "all": [a, b]})

        for w in distinct(rng.sample(rare_pool, 400), 8, 6, taken):
            plan.append({"q": w, "category": "rare", "why": "a word of the vocabulary's tail", "words": [w]})

        for e in plan:
            for w in e.get("all", e["words"]):
                self.tracked.setdefault(w, set())
        return plan

    def write_queries(self, plan, path, args):
        """Writes the query set; expected pages where at most 100 pages qualify."""
        out = []
        for e in plan:
            entry = {"q": e["q"], "category": e["category"], "why": e["why"]}
            if e["words"] and e["category"] != "frequent":
                if "all" in e:
                    pages = set.intersection(*(self.tracked[w] for w in e["all"]))
                else:
                    pages = set().union(*(self.tracked[w] for w in e["words"]))
                entry["pages_containing"] = len(pages)
                if 0 < len(pages) <= 100:
                    entry["expected"] = sorted(f"/{self.pages[i][1]}/{self.pages[i][2]}/" for i in pages)
            out.append(entry)
        doc = {
            "description": "Query set for the long-document corpus, written by "
                           f"`benches/gen_corpus.py --long --pages {args.pages} --seed {args.seed} --queries …` "
                           "from the corpus vocabulary: frequent words, half-typed words (prefixes), typos "
                           "(edit distance 1, or 2 from 9 letters), two-word queries with one word missing "
                           "from the corpus, parts of compounds, two-word queries of a frequent and a rare word, "
                           "rare words. `expected`: every page that contains the intended word (for a "
                           "prefix: any word it begins), given where at most 100 pages do.",
            "queries": out,
        }
        with open(path, "w") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
            f.write("\n")

    def write(self, out, hugo_out=None):
        shutil.rmtree(out, ignore_errors=True)
        content = os.path.join(out, "content")
        os.makedirs(content)
        with open(os.path.join(out, "handbook.yaml"), "w") as f:
            f.write('title: "Benchmark-Handbuch (lange Dokumente)"\nlanguage: de\ntaxonomies:\n'
                    '  target_groups: { section: zielgruppen, title: "Zielgruppen" }\n'
                    '  institutions: { section: institutionen, title: "Institutionen" }\n')
        rng = random.Random(self.seed)
        files = {"_index.md": "---\ntitle: Start\n---\nBenchmark-Korpus aus langen Dokumenten.\n"}
        for tax, terms in (("zielgruppen", TARGET_GROUPS), ("institutionen", INSTITUTIONS)):
            files[f"{tax}/_index.md"] = f"---\ntitle: {tax.capitalize()}\n---\n"
            for t in terms:
                files[f"{tax}/{t}.md"] = f"---\ntitle: {t}\n---\n{paragraph(rng, 2)}\n"
        for p in self.pages:
            for section in (p[1].split("/")[0], p[1]):
                if f"{section}/_index.md" not in files:
                    files[f"{section}/_index.md"] = f"---\ntitle: Bereich {section}\n---\n{paragraph(rng, 2)}\n"
        for rel, text in files.items():
            path = os.path.join(content, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                f.write(text)
        md = n_assets = asset_bytes = 0
        for i, p in enumerate(self.pages):
            a, b, c = self.write_page(content, i, p)
            md, n_assets, asset_bytes = md + a, n_assets + b, asset_bytes + c
        print(f"{len(self.pages)} pages, {md / 1e6:.1f} MB of Markdown bodies, {n_assets} files beside them "
              f"({asset_bytes / 1e6:.1f} MB)", file=sys.stderr)
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


def copy_content(src, dst):
    """Copies a content folder; files other than Markdown (images, PDFs, never
    edited by the benchmarks) are hard-linked, to spare disk and time."""
    def copy(s, d):
        if s.endswith(".md"):
            return shutil.copy2(s, d)
        try:
            os.link(s, d)
        except OSError:
            shutil.copy2(s, d)
        return d
    shutil.copytree(src, dst, copy_function=copy)


def write_minimal(src, out):
    """The same handbook with our theme cut down to the Hugo twin's templates."""
    shutil.rmtree(out, ignore_errors=True)
    copy_content(os.path.join(src, "content"), os.path.join(out, "content"))
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
    copy_content(os.path.join(src, "content"), os.path.join(out, "content"))
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
    ap.add_argument("--long", action="store_true", help="a corpus of long documents with files beside them")
    ap.add_argument("--queries", help="with --long: also write the search benchmark's query set to this file")
    a = ap.parse_args()
    if a.queries and not a.long:
        ap.error("--queries needs --long")
    corpus = (LongCorpus if a.long else Corpus)(a.pages, a.seed)
    if a.queries:
        plan = corpus.plan_queries()
    corpus.write(a.out, a.out.rstrip("/") + "-hugo" if a.hugo else None)
    if a.queries:
        corpus.write_queries(plan, a.queries, a)


if __name__ == "__main__":
    main()
