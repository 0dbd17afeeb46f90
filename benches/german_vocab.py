"""A German vocabulary for the long-document benchmark corpus (gen_corpus.py --long).

Real frequent words (function words, the handbook's domain words with their
inflected forms, adjectives and verbs in several forms) followed by
compounds generated from modifier and head parts with their linking
elements (Familien+zentrum, Kinder+betreuungs+angebot …) and their
plurals and genitives, so an index meets what real German text brings:
compounds to split, inflections to stem, umlauts in plurals. Ranked for a
Zipf distribution: function words first (in their real order), then the
domain words, then the generated forms in a shuffled order.

    build_vocabulary() -> Vocabulary(words, kinds, parts)

Deterministic: it uses its own fixed seed, independent of the corpus seed.
"""
import random

# Function words and frequent adverbs, roughly in order of frequency in German prose.
FUNCTION = """
der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus
er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber
vor zur bis mehr durch man sein wurde sei ihr können kann sollen soll müssen muss diese dieser dieses
diesen wenn ob sowie ihre ihren ihrer seine seiner keine kein alle allen sehr hier dort dann damit dabei
dazu dafür jedoch sowohl weil denn unter zwischen gegen ohne seit während gemäß bzw insbesondere etwa
wir uns unsere unserer ihnen jeweils bereits außerdem zudem daher deshalb somit hierbei hierzu darüber
darauf daraus davon wobei sodass soweit sofern solange sobald bevor nachdem obwohl zwar eher besonders
möglichst mindestens höchstens spätestens frühestens regelmäßig grundsätzlich ebenfalls ggf auch
immer wieder schon nun heute künftig bisher zunächst anschließend zusätzlich vor allem gleichzeitig
""".split()

# Domain nouns: singular/plural/gender (m, f, n); "-" = no plural.
NOUNS = """
Eltern/-/p Kind/Kinder/n Jobcenter/Jobcenter/n Familienzentrum/Familienzentren/n Vereinbarung/Vereinbarungen/f
Jugendamt/Jugendämter/n Agentur/Agenturen/f Arbeit/-/f Mutter/Mütter/f Vater/Väter/m Familie/Familien/f
Beratung/Beratungen/f Betreuung/-/f Angebot/Angebote/n Maßnahme/Maßnahmen/f Leistung/Leistungen/f
Antrag/Anträge/m Bescheid/Bescheide/m Träger/Träger/m Förderung/Förderungen/f Ausbildung/Ausbildungen/f
Weiterbildung/Weiterbildungen/f Qualifizierung/Qualifizierungen/f Beschäftigung/-/f Integration/-/f
Arbeitsmarkt/Arbeitsmärkte/m Arbeitgeber/Arbeitgeber/m Unternehmen/Unternehmen/n Teilzeit/-/f Kita/Kitas/f
Schule/Schulen/f Netzwerk/Netzwerke/n Kooperation/Kooperationen/f Partner/Partner/m Kommune/Kommunen/f
Kreis/Kreise/m Stadt/Städte/f Region/Regionen/f Land/Länder/n Bund/-/m Gesetz/Gesetze/n Absatz/Absätze/m
Satz/Sätze/m Verordnung/Verordnungen/f Richtlinie/Richtlinien/f Frist/Fristen/f Nachweis/Nachweise/m
Unterlage/Unterlagen/f Anspruch/Ansprüche/m Bedarf/Bedarfe/m Bedarfsgemeinschaft/Bedarfsgemeinschaften/f
Einkommen/Einkommen/n Vermögen/Vermögen/n Miete/Mieten/f Unterkunft/Unterkünfte/f Heizung/Heizungen/f
Mitwirkung/-/f Pflicht/Pflichten/f Fachkraft/Fachkräfte/f Mitarbeiter/Mitarbeiter/m Mitarbeiterin/Mitarbeiterinnen/f
Koordination/-/f Steuerung/-/f Gruppe/Gruppen/f Projekt/Projekte/n Konzept/Konzepte/n Modul/Module/n
Veranstaltung/Veranstaltungen/f Termin/Termine/m Gespräch/Gespräche/n Sprache/Sprachen/f Sprachkurs/Sprachkurse/m
Migration/-/f Zuwanderung/-/f Gesundheit/-/f Pflege/-/f Wohnung/Wohnungen/f Alleinerziehende/Alleinerziehenden/f
Wiedereinstieg/-/m Berufsrückkehrerin/Berufsrückkehrerinnen/f Gleichstellung/-/f Chance/Chancen/f Zugang/Zugänge/m
Ziel/Ziele/n Ergebnis/Ergebnisse/n Erfahrung/Erfahrungen/f Evaluation/Evaluationen/f Bericht/Berichte/m
Dokumentation/-/f Datenschutz/-/m Einwilligung/Einwilligungen/f Erklärung/Erklärungen/f Zuständigkeit/Zuständigkeiten/f
Verfahren/Verfahren/n Entscheidung/Entscheidungen/f Widerspruch/Widersprüche/m Klage/Klagen/f
Sozialgericht/Sozialgerichte/n Rechtsfolgenbelehrung/Rechtsfolgenbelehrungen/f
Eingliederungsvereinbarung/Eingliederungsvereinbarungen/f Kooperationsplan/Kooperationspläne/m Bürgergeld/-/n
Kinderzuschlag/Kinderzuschläge/m Wohngeld/-/n Elterngeld/-/n Unterhalt/-/m Unterhaltsvorschuss/Unterhaltsvorschüsse/m
Bildung/-/f Teilhabe/-/f Elterncafé/Elterncafés/n Lotse/Lotsen/m Lotsin/Lotsinnen/f Broschüre/Broschüren/f
Öffnungszeit/Öffnungszeiten/f Vermittlung/Vermittlungen/f Fallmanagement/-/n Fallmanager/Fallmanager/m
Fallmanagerin/Fallmanagerinnen/f Ansprechpartner/Ansprechpartner/m Ansprechpartnerin/Ansprechpartnerinnen/f
Steuerungsgruppe/Steuerungsgruppen/f Zielgruppe/Zielgruppen/f Sozialraum/Sozialräume/m Jugendhilfe/-/f
Bildungsträger/Bildungsträger/m Ministerium/Ministerien/n Austausch/-/m Vertrauen/-/n Schwelle/Schwellen/f
Motivation/-/f Kindertagesbetreuung/-/f Kindertagesstätte/Kindertagesstätten/f Tagespflege/-/f
Tagesmutter/Tagesmütter/f Grundschule/Grundschulen/f Ganztag/-/m Ferien/-/p Ferienbetreuung/-/f
Arbeitslosigkeit/-/f Langzeitarbeitslosigkeit/-/f Arbeitsuchende/Arbeitsuchenden/f Erwerbstätigkeit/-/f
Minijob/Minijobs/m Praktikum/Praktika/n Bewerbung/Bewerbungen/f Vorstellungsgespräch/Vorstellungsgespräche/n
Arbeitsplatz/Arbeitsplätze/m Stelle/Stellen/f Lohn/Löhne/m Gehalt/Gehälter/n Vertrag/Verträge/m
Kündigung/Kündigungen/f Elternzeit/-/f Mutterschutz/-/m Kindergeld/-/n Rente/Renten/f Versicherung/Versicherungen/f
Krankenkasse/Krankenkassen/f Gesundheitsamt/Gesundheitsämter/n Sozialamt/Sozialämter/n Ausländerbehörde/Ausländerbehörden/f
Behörde/Behörden/f Verwaltung/Verwaltungen/f Landrat/Landräte/m Bürgermeisterin/Bürgermeisterinnen/f
Gleichstellungsbeauftragte/Gleichstellungsbeauftragten/f Beauftragte/Beauftragten/f Verbund/Verbünde/m
Verband/Verbände/m Verein/Vereine/m Kirche/Kirchen/f Diakonie/-/f Caritas/-/f Wohlfahrtsverband/Wohlfahrtsverbände/m
Quartier/Quartiere/n Stadtteil/Stadtteile/m Nachbarschaft/Nachbarschaften/f Ehrenamt/Ehrenämter/n
Haushalt/Haushalte/m Budget/Budgets/n Mittel/Mittel/n Zuwendung/Zuwendungen/f Zuschuss/Zuschüsse/m
Finanzierung/Finanzierungen/f Kosten/-/p Ausgabe/Ausgaben/f Abrechnung/Abrechnungen/f Prüfung/Prüfungen/f
Qualität/Qualitäten/f Standard/Standards/m Leitfaden/Leitfäden/m Handbuch/Handbücher/n Checkliste/Checklisten/f
Vorlage/Vorlagen/f Formular/Formulare/n Anlage/Anlagen/f Protokoll/Protokolle/n Sitzung/Sitzungen/f
Workshop/Workshops/m Fortbildung/Fortbildungen/f Schulung/Schulungen/f Fachtag/Fachtage/m Konferenz/Konferenzen/f
Themenabend/Themenabende/m Infoveranstaltung/Infoveranstaltungen/f Sprechstunde/Sprechstunden/f Hausbesuch/Hausbesuche/m
Aufsuchen/-/n Erstkontakt/Erstkontakte/m Übergang/Übergänge/m Schnittstelle/Schnittstellen/f Zusammenarbeit/-/f
Abstimmung/Abstimmungen/f Absprache/Absprachen/f Verantwortung/-/f Rolle/Rollen/f Aufgabe/Aufgaben/f
Umsetzung/-/f Planung/Planungen/f Durchführung/-/f Auswertung/Auswertungen/f Wirkung/Wirkungen/f Kennzahl/Kennzahlen/f
Statistik/Statistiken/f Quote/Quoten/f Anteil/Anteile/m Zahl/Zahlen/f Jahr/Jahre/n Monat/Monate/m Woche/Wochen/f
Tag/Tage/m Stunde/Stunden/f Zeitraum/Zeiträume/m Beginn/-/m Ende/-/n Phase/Phasen/f Schritt/Schritte/m
Weg/Wege/m Möglichkeit/Möglichkeiten/f Hürde/Hürden/f Problem/Probleme/n Lösung/Lösungen/f Frage/Fragen/f
Antwort/Antworten/f Hinweis/Hinweise/m Beispiel/Beispiele/n Fall/Fälle/m Situation/Situationen/f Lage/Lagen/f
Person/Personen/f Frau/Frauen/f Mann/Männer/m Jugendliche/Jugendlichen/f Familienbildung/-/f Elternarbeit/-/f
Alltag/-/m Kinderschutz/-/m Wohl/-/n Kindeswohl/-/n Hilfe/Hilfen/f Unterstützung/-/f Begleitung/-/f
Coaching/Coachings/n Mentoring/-/n Orientierung/-/f Perspektive/Perspektiven/f Kompetenz/Kompetenzen/f
Abschluss/Abschlüsse/m Anerkennung/Anerkennungen/f Zeugnis/Zeugnisse/n Beruf/Berufe/m Branche/Branchen/f
Pflegekraft/Pflegekräfte/f Erzieherin/Erzieherinnen/f Erzieher/Erzieher/m Sozialarbeiterin/Sozialarbeiterinnen/f
Sozialarbeiter/Sozialarbeiter/m Beraterin/Beraterinnen/f Berater/Berater/m Leiterin/Leiterinnen/f Leiter/Leiter/m
Teilnehmerin/Teilnehmerinnen/f Teilnehmer/Teilnehmer/m Kundin/Kundinnen/f Kunde/Kunden/m
""".split()

ADJECTIVES = """
neu gut erst weiter regional kommunal beruflich sozial zuständig möglich notwendig erforderlich gemeinsam
individuell persönlich alleinerziehend erwerbsfähig langzeitarbeitslos verbindlich schriftlich rechtlich
finanziell zeitlich örtlich überregional konkret wichtig hoch niedrig lang kurz klein groß jung alt
wirksam nachhaltig passend geeignet flexibel verlässlich offen freiwillig kostenlos öffentlich privat
digital mehrsprachig niedrigschwellig aufsuchend präventiv frühzeitig rechtzeitig ausreichend zusätzlich
eigen ganz verschieden unterschiedlich ähnlich gleich besonder allgemein fachlich pädagogisch familiär
""".split()

# infinitive/stem/participle
VERBS = """
unterstützen/unterstütz/unterstützt beraten/berat/beraten fördern/förder/gefördert vermitteln/vermittel/vermittelt
vereinbaren/vereinbar/vereinbart begleiten/begleit/begleitet erreichen/erreich/erreicht entwickeln/entwickel/entwickelt
informieren/informier/informiert prüfen/prüf/geprüft entscheiden/entscheid/entschieden beantragen/beantrag/beantragt
gewähren/gewähr/gewährt erhalten/erhalt/erhalten leisten/leist/geleistet arbeiten/arbeit/gearbeitet
betreuen/betreu/betreut planen/plan/geplant organisieren/organisier/organisiert stärken/stärk/gestärkt
nutzen/nutz/genutzt klären/klär/geklärt regeln/regel/geregelt festlegen/festleg/festgelegt abstimmen/abstimm/abgestimmt
teilnehmen/teilnehm/teilgenommen anbieten/anbiet/angeboten durchführen/durchführ/durchgeführt einladen/einlad/eingeladen
ermöglichen/ermöglich/ermöglicht verbessern/verbesser/verbessert umsetzen/umsetz/umgesetzt einrichten/einricht/eingerichtet
benennen/benenn/benannt beteiligen/beteilig/beteiligt berücksichtigen/berücksichtig/berücksichtigt
dokumentieren/dokumentier/dokumentiert evaluieren/evaluier/evaluiert kooperieren/kooperier/kooperiert
vernetzen/vernetz/vernetzt aufnehmen/aufnehm/aufgenommen zahlen/zahl/gezahlt bewilligen/bewillig/bewilligt
""".split()

# Compound parts: modifiers with their linking element, heads as singular/plural/gender.
MODIFIERS = """
Familien Kinder Eltern Arbeits Jugend Berufs Sozial Bildungs Beratungs Betreuungs Teilzeit Sprach
Integrations Netzwerk Kooperations Rahmen Ziel Eingliederungs Leistungs Förder Qualifizierungs Wohn
Gesundheits Kita Schul Ausbildungs Weiterbildungs Fach Landes Bundes Kreis Stadt Orts Bezirks Haupt
Sonder Grund Mütter Väter Frauen Migrations Flüchtlings Übergangs Vermittlungs Koordinierungs Steuerungs
Projekt Modell Transfer Quartiers Stadtteil Nachbarschafts Ehrenamts Praxis Informations Anmelde
Antrags Daten Melde Kosten Finanz Haushalts Verwaltungs Personal Team Lern Freizeit Ferien Tages
Abend Wochen Monats Jahres Erst Folge Zusatz Mehr Pflege Kranken Renten Unterhalts Wohngeld Bürgergeld
""".split()
HEADS = """
zentrum/zentren/n vereinbarung/vereinbarungen/f amt/ämter/n angebot/angebote/n stelle/stellen/f
kraft/kräfte/f gruppe/gruppen/f plan/pläne/m programm/programme/n träger/träger/m leistung/leistungen/f
maßnahme/maßnahmen/f beratung/beratungen/f betreuung/-/f konzept/konzepte/n netzwerk/netzwerke/n
kurs/kurse/m platz/plätze/m bedarf/bedarfe/m geld/gelder/n recht/rechte/n gesetz/gesetze/n verfahren/verfahren/n
bescheid/bescheide/m antrag/anträge/m arbeit/-/f büro/büros/n team/teams/n leitung/leitungen/f
konferenz/konferenzen/f runde/runden/f tag/tage/m abend/abende/m woche/wochen/f zeit/zeiten/f
frist/fristen/f nachweis/nachweise/m bericht/berichte/m bogen/bögen/m liste/listen/f vorlage/vorlagen/f
partner/partner/m partnerin/partnerinnen/f beauftragte/beauftragten/f koordination/-/f steuerung/-/f
planung/planungen/f förderung/förderungen/f mittel/mittel/n kosten/-/p budget/budgets/n haus/häuser/n
raum/räume/m ort/orte/m weg/wege/m ziel/ziele/n modul/module/n baustein/bausteine/m material/materialien/n
broschüre/broschüren/f café/cafés/n kreis/kreise/m forum/foren/n portal/portale/n system/systeme/n
bildung/-/f hilfe/hilfen/f pflege/-/f schutz/-/m wohl/-/n politik/-/f markt/märkte/m
""".split()


class Vocabulary:
    """words: every word form, most frequent first; kinds: word -> category
    ("function", "noun", "adjective", "verb", "compound"); parts: compound word
    form -> its parts (lower case)."""

    def __init__(self, words, kinds, parts):
        self.words, self.kinds, self.parts = words, kinds, parts


def _noun_forms(sg, pl, gender):
    forms = [sg]
    if gender in ("m", "n"):
        forms.append(sg + ("es" if sg.endswith(("s", "ß", "z", "x")) else "s"))
    if pl != "-":
        if pl != sg:
            forms.append(pl)
        if not pl.endswith(("n", "s", "a")):
            forms.append(pl + "n")  # dative plural: Kindern, Ämtern
    return forms


def _adj_forms(a):
    stem = a[:-1] if a.endswith("e") else a
    return [a] + [stem + e for e in ("e", "en", "er", "es", "em")]


def _verb_forms(inf, stem, part):
    e = "e" if stem.endswith(("t", "d")) else ""
    forms = [inf, stem + "e", stem + e + "st", stem + e + "t", stem + e + "te", stem + e + "ten", part]
    if part.endswith("t"):
        forms += [part + "e", part + "en"]  # unterstützte, geförderten (as adjectives)
    return forms


def build_vocabulary(size=50000):
    rng = random.Random(20261123)
    kinds, parts = {}, {}
    first = []

    def add(word, kind, into):
        if word not in kinds:
            kinds[word] = kind
            into.append(word)

    for w in FUNCTION:
        add(w, "function", first)
    domain = []
    for entry in NOUNS:
        sg, pl, g = entry.split("/")
        for f in _noun_forms(sg, pl, g):
            add(f, "noun", domain)
    for a in ADJECTIVES:
        for f in _adj_forms(a):
            add(f, "adjective", domain)
    for v in VERBS:
        for f in _verb_forms(*v.split("/")):
            add(f, "verb", domain)
    # the singular of a noun is more frequent than its other forms: keep the
    # first form of each entry near the front, shuffle the rest behind it
    head, tail = domain[:len(NOUNS)], domain[len(NOUNS):]
    rng.shuffle(tail)
    domain = head + tail

    heads = [h.split("/") for h in HEADS]
    generated = []

    def compound(mods, h):
        sg, pl, g = h
        word_parts = [m.lower() for m in mods] + [sg]
        stem = "".join(m if i == 0 else m.lower() for i, m in enumerate(mods))
        for f in _noun_forms(stem + sg, stem + pl if pl != "-" else "-", g):
            if f not in kinds:
                kinds[f] = "compound"
                parts[f] = word_parts
                generated.append(f)

    for m in MODIFIERS:
        for h in heads:
            compound([m], h)
    # two-part compounds are more frequent than three-part ones: each group
    # shuffled on its own, the two-part group first
    rng.shuffle(generated)
    two = generated
    generated = []
    # three-part compounds (Kinder+betreuungs+angebot) until the vocabulary is full
    while len(first) + len(domain) + len(two) + len(generated) < size:
        m1, m2 = rng.sample(MODIFIERS, 2)
        compound([m1, m2], rng.choice(heads))
    rng.shuffle(generated)
    words = (first + domain + two + generated)[:size]
    return Vocabulary(words, kinds, parts)


# Names and tokens of administrative texts, drawn besides the vocabulary.
PLACES = """
Aachen Ahlen Arnsberg Bielefeld Bocholt Bochum Bonn Borken Bottrop Castrop-Rauxel Coesfeld Dinslaken Dormagen
Dorsten Dortmund Duisburg Düren Düsseldorf Essen Euskirchen Gelsenkirchen Gladbeck Gütersloh Hagen Hamm Herford
Herne Hilden Iserlohn Kleve Köln Krefeld Lippstadt Lünen Marl Minden Moers Mönchengladbach Mülheim Münster
Neuss Oberhausen Olpe Paderborn Recklinghausen Remscheid Rheine Siegen Soest Solingen Steinfurt Unna Viersen
Warendorf Wesel Witten Wuppertal
""".split()
SGB = ["II", "III", "VIII", "IX", "XII"]
