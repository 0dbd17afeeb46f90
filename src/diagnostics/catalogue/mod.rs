//! Every text a diagnostic prints, in English and in German: the messages
//! of [`Problem`]s, the hints of [`Hint`]s and the words around them
//! (`error`, `help`, the run's summary); beside it (`commands.rs`,
//! `search.rs`) what the commands say themselves, and the German for the
//! English that serde, the YAML parser and the system put into messages. Editors of a German handbook read
//! German without parser jargon; `--messages en` keeps English.

use super::problem::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    En,
    De,
}

impl Lang {
    /// The language's code, for `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// The messages for a handbook's `language:`: English for an English
    /// handbook, otherwise German, the tool's own language. A handbook in
    /// Arabic or Turkish is made by German staff for their readers; English
    /// would take their language from them and give the readers nothing.
    pub fn for_language(code: &str) -> Lang {
        if code.to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::De
        }
    }
}

fn pick(lang: Lang, en: String, de: String) -> String {
    match lang {
        Lang::En => en,
        Lang::De => de,
    }
}

/// `en` and `de` as `format!` arguments, so each message is one line per language.
macro_rules! t {
    ($lang:expr, $en:expr, $de:expr $(,)?) => {
        pick($lang, format!($en), format!($de))
    };
}

mod commands;
mod help;
mod os_text;
mod release;
mod search;
mod serde_text;
mod yaml;

use yaml::{yaml_file_message, yaml_hint, yaml_message};

pub use commands::*;
pub use help::help_text;
pub use release::*;
pub use search::*;
pub mod editor;
pub mod editor_body;
pub mod editor_editions;
pub mod editor_find;
pub mod editor_pages;
pub mod editor_problems;
pub mod editor_status;

pub fn severity(s: super::Severity, lang: Lang) -> &'static str {
    use super::Severity::*;
    match (s, lang) {
        (Error, Lang::En) => "error",
        (Warning, Lang::En) => "warning",
        (Error, Lang::De) => "Fehler",
        (Warning, Lang::De) => "Warnung",
    }
}

pub fn help_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "help",
        Lang::De => "Tipp",
    }
}

/// `2 errors, 1 warning` / `2 Fehler, 1 Warnung`.
pub fn summary(errors: usize, warnings: usize, lang: Lang) -> String {
    let n = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let (e, w) = match lang {
        Lang::En => (
            n(errors, "error", "errors"),
            n(warnings, "warning", "warnings"),
        ),
        Lang::De => (
            n(errors, "Fehler", "Fehler"),
            n(warnings, "Warnung", "Warnungen"),
        ),
    };
    match (errors, warnings) {
        (0, _) => w,
        (_, 0) => e,
        _ => format!("{e}, {w}"),
    }
}

pub fn no_errors(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "no errors",
        Lang::De => "keine Fehler",
    }
}

/// `check --fix`'s account of what it wrote.
pub fn mended(places: usize, files: usize, lang: Lang) -> String {
    match (places, files) {
        (0, _) => t!(
            lang,
            "check --fix: nothing to mend by itself",
            "check --fix: nichts, was sich von selbst berichtigen ließe"
        ),
        (1, _) => t!(
            lang,
            "check --fix: mended 1 place",
            "check --fix: 1 Stelle berichtigt"
        ),
        (_, 1) => t!(
            lang,
            "check --fix: mended {places} places in 1 file",
            "check --fix: {places} Stellen in 1 Datei berichtigt"
        ),
        _ => t!(
            lang,
            "check --fix: mended {places} places in {files} files",
            "check --fix: {places} Stellen in {files} Dateien berichtigt"
        ),
    }
}

pub fn cannot_mend(file: &str, why: &str, lang: Lang) -> String {
    t!(
        lang,
        "cannot write the mending into {file}: {why}",
        "Die Berichtigung lässt sich nicht in {file} schreiben: {why}"
    )
}

pub fn strict_note(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "(--strict: warnings fail the run, nothing was written)",
        Lang::De => "(--strict: Warnungen zählen als Fehler, nichts wurde geschrieben)",
    }
}

/// The line under a warning that stands for `more` others like it.
pub fn repeated(more: usize, lang: Lang) -> String {
    t!(
        lang,
        "likewise in {more} more places, e.g.:",
        "ebenso an {more} weiteren Stellen, z. B.:"
    )
}

pub fn verbose_lists_all(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "… (`handbook check --verbose` lists all)",
        Lang::De => "… (`handbook check --verbose` zeigt alle)",
    }
}

/// The message of a problem, looked up by its group: one function per
/// group below, one arm per message, English first.
pub fn message(p: &Problem, lang: Lang) -> String {
    use Problem::*;
    match p {
        Io(..) | InvalidUtf8 | SymlinkLoop(..) => file_message(p, lang),
        UnclosedFrontMatter
        | TomlFrontMatter
        | Yaml(..)
        | FrontMatterNotMapping(..)
        | WrongType { .. }
        | UnknownKind(..)
        | UnknownKey { .. }
        | MissingTitle
        | TitleEmptied
        | TitleFromHeading(..)
        | ControlCharacter
        | NoPages(..)
        | EmptyPage(..)
        | UnknownPlaceholder(..)
        | InvalidPlaceholderKey(..)
        | TodoMarker(..)
        | CutByHash(..) => front_matter_message(p, lang),
        BrokenLink(..)
        | LinkToDraft(..)
        | ReferenceToDraft { .. }
        | MissingAnchor { .. }
        | UnknownReference { .. }
        | AmbiguousReference { .. }
        | DuplicateUrl { .. }
        | AliasNotAnAddress(..)
        | AliasTaken { .. }
        | LinkToHiddenPage(..)
        | UnsafeLink(..) => link_message(p, lang),
        UnparsedLink(..)
        | LiteralStars(..)
        | GermanKey { .. }
        | NoLanguageTag(..)
        | HideMatchesNothing(..)
        | ThemeLink(..)
        | UnreadableFormula(..)
        | PictureWithoutDescription(..)
        | PictureFromElsewhere(..)
        | ContactWithoutName
        | NotAnEmail(..) => silent::message(p, lang),
        ShortcodeSyntax { .. }
        | UnknownShortcode(..)
        | MissingArgument { .. }
        | UnknownArgument { .. }
        | UnknownVar(..)
        | VarNotText { .. }
        | Count(..)
        | SnippetNotFound(..)
        | IncludeCycle(..)
        | ShortcodeTemplate { .. }
        | ShortcodeInField { .. } => shortcode_problem_message(p, lang),
        MergeConflict(..)
        | UpstreamChanged { .. }
        | YamlFile { .. }
        | Config(..)
        | Template(..)
        | UnknownTemplate(..)
        | Output(..)
        | Search(..)
        | NoSearchIndex(..)
        | Edition(..)
        | InvalidHidePattern { .. }
        | HidePatternsTogether(..) => run_message(p, lang),
        Foreign(issue) => foreign::message(issue, lang),
    }
}

/// Reading a file.
fn file_message(p: &Problem, lang: Lang) -> String {
    use Problem::*;
    match p {
        Io(e) => match lang {
            Lang::En => format!("cannot read file: {e}"),
            Lang::De => format!("Die Datei lässt sich nicht lesen: {}", os_text::german(e)),
        },
        InvalidUtf8 => t!(
            lang,
            "file is not valid UTF-8 (invalid byte sequence)",
            "Die Datei ist nicht als UTF-8 gespeichert; hier steht ein Zeichen, das nicht lesbar ist"
        ),
        SymlinkLoop(e) => t!(lang, "symbolic link loop: {e}", "Verknüpfung im Kreis: {e}"),
        _ => unreachable!("message() sends only these here"),
    }
}

/// A page's front matter and text.
fn front_matter_message(p: &Problem, lang: Lang) -> String {
    use Problem::*;
    match p {
        UnclosedFrontMatter => t!(
            lang,
            "front matter is not closed: no `---` line after the opening `---`",
            "Der Kopfteil wird nicht abgeschlossen: nach dem ersten `---` fehlt die zweite Zeile `---`"
        ),
        TomlFrontMatter => t!(
            lang,
            "front matter between `+++` lines is TOML (Hugo), which is not read here",
            "Der Kopfteil zwischen `+++`-Zeilen ist TOML (Hugo) und wird hier nicht gelesen"
        ),
        Yaml(issue) => yaml_message(issue, lang),
        FrontMatterNotMapping(found) => t!(
            lang,
            "front matter must be a mapping of keys to values, found {found}",
            "Im Kopfteil muss jede Zeile die Form `name: Wert` haben"
        ),
        WrongType { key, detail } => match lang {
            Lang::En => format!("`{key}` has the wrong type: {detail}"),
            Lang::De => match serde_text::out_of_range(detail) {
                Some(range) => format!("`{key}`: {range}"),
                None => format!("`{key}` hat einen Wert der falschen Art: {}", type_detail_de(detail)),
            },
        },
        UnknownKind(k) => t!(
            lang,
            "unknown kind `{k}` (expected region, concept, agreement, check or page)",
            "Die Art `{k}` gibt es nicht; möglich sind region, concept, agreement, check und page"
        ),
        UnknownKey { key, kind } => t!(
            lang,
            "unknown key `{key}` for a page of kind `{kind}`",
            "`{key}` ist für Seiten der Art `{kind}` kein bekannter Eintrag"
        ),
        MissingTitle => t!(
            lang,
            "page has no title: no `title:` in the front matter and no `# heading`",
            "Die Seite hat keinen Titel: weder `title:` im Kopfteil noch eine Überschrift `# …`"
        ),
        TitleEmptied => t!(
            lang,
            "the title is empty: give the page a title (readers see it in the menu, the browser's tab and the search)",
            "Der Titel ist leer: Geben Sie der Seite einen Titel; er steht im Menü, im Reiter des Browsers und in der Suche"
        ),
        TitleFromHeading(heading) => t!(
            lang,
            "page has no title (no `title:`, no `# heading`): its first heading, „{heading}“, stands in",
            "Die Seite hat keinen Titel (weder `title:` noch `# …`): ihre erste Überschrift, „{heading}“, dient als Titel"
        ),
        NoPages(dir) => t!(
            lang,
            "`{dir}/` holds no Markdown file: the site has only the start page made for it; put the pages there as `.md` files",
            "In `{dir}/` liegt keine Markdown-Datei: die Website hat nur die Startseite, die der Generator anlegt; legen Sie die Seiten als `.md`-Dateien dorthin"
        ),
        ControlCharacter => t!(
            lang,
            "control characters (NUL, BEL, …) are not allowed in HTML and were replaced by spaces",
            "Hier stehen unsichtbare Steuerzeichen; sie wurden durch Leerzeichen ersetzt"
        ),
        EmptyPage(title) => t!(
            lang,
            "empty page: published with the title `{title}` taken from its file name",
            "Die Seite ist leer; sie erscheint mit dem Titel `{title}` aus dem Dateinamen"
        ),
        UnknownPlaceholder(k) => t!(
            lang,
            "placeholder `[[{k}]]` is not declared in `placeholders`",
            "Das Ausfüllfeld `[[{k}]]` steht nicht in der Liste `placeholders`"
        ),
        InvalidPlaceholderKey(k) => t!(
            lang,
            "invalid placeholder key `{k}`: use lower-case letters, digits and `_`",
            "Der Name `{k}` eines Ausfüllfelds darf nur Kleinbuchstaben, Ziffern und `_` enthalten"
        ),
        TodoMarker(text) => t!(
            lang,
            "unfinished text: `{text}`",
            "Hier fehlt noch Text: `{text}`"
        ),
        CutByHash(key) => t!(
            lang,
            "`{key}` ends before this `#`: without quotes, the rest of the line is a comment and is not published",
            "`{key}` endet vor diesem `#`: ohne Anführungszeichen ist der Rest der Zeile ein Kommentar und wird nicht veröffentlicht"
        ),
        _ => unreachable!("message() sends only these here"),
    }
}

/// Links and references between pages.
fn link_message(p: &Problem, lang: Lang) -> String {
    use Problem::*;
    match p {
        BrokenLink(to) => t!(
            lang,
            "broken link: `{to}` does not exist",
            "Der Link führt ins Leere: `{to}` gibt es nicht"
        ),
        ReferenceToDraft { field, target } => t!(
            lang,
            "`{target}` in `{field}` is a draft, which is not published",
            "`{target}` in `{field}` ist ein Entwurf, der nicht veröffentlicht wird"
        ),
        LinkToDraft(to) => t!(
            lang,
            "the link leads to `{to}`, a draft, which is not published",
            "Der Link führt zu `{to}`, einem Entwurf, der nicht veröffentlicht wird"
        ),
        MissingAnchor { target, anchor } => t!(
            lang,
            "broken link: `{target}` has no heading with the anchor `#{anchor}`",
            "Der Link führt ins Leere: `{target}` hat keine Überschrift mit dem Anker `#{anchor}`"
        ),
        UnknownReference {
            field,
            target,
            expected,
        } => {
            let what = match (expected, lang) {
                (Expected::Kind(k), Lang::En) => format!("{k} page"),
                (Expected::Section(s), Lang::En) => format!("page in `content/{s}/`"),
                (Expected::Any, Lang::En) => "page".into(),
                (Expected::Kind(k), Lang::De) => format!("Seite der Art `{k}`"),
                (Expected::Section(s), Lang::De) => format!("Seite in `content/{s}/`"),
                (Expected::Any, Lang::De) => "Seite".into(),
            };
            t!(
                lang,
                "unknown reference `{target}` in `{field}`: no {what} with this slug",
                "`{target}` in `{field}` gibt es nicht: keine {what} heißt so"
            )
        }
        AmbiguousReference {
            field,
            target,
            candidates,
        } => t!(
            lang,
            "ambiguous reference `{target}` in `{field}`: {candidates}",
            "`{target}` in `{field}` ist nicht eindeutig: {candidates}"
        ),
        DuplicateUrl { url, other } => t!(
            lang,
            "duplicate URL `{url}`: also produced by {other}",
            "Die Adresse `{url}` gibt es doppelt: auch {other} erzeugt sie"
        ),
        AliasNotAnAddress(alias) => t!(
            lang,
            "`{alias}` under `aliases:` is no address of this site, so no page can be left there to send readers on: write the page's earlier address from its first `/` on (`/regionen/alter-name/`), without `https://…`, `?` or `#`",
            "`{alias}` unter `aliases:` ist keine Adresse dieser Website; dort lässt sich keine Seite hinterlegen, die Leser weiterleitet: schreiben Sie die frühere Adresse der Seite ab ihrem ersten `/` (`/regionen/alter-name/`), ohne `https://…`, `?` oder `#`"
        ),
        AliasTaken { address, other } => t!(
            lang,
            "the earlier address `{address}` is taken: {other} has it, so whoever opens it lands there, not on this page; remove it from `aliases:`",
            "Die frühere Adresse `{address}` ist vergeben: {other} hat sie, wer sie aufruft, landet dort und nicht auf dieser Seite; streichen Sie sie unter `aliases:`"
        ),
        LinkToHiddenPage(p) => t!(
            lang,
            "link to hidden page `{p}` becomes plain text in this edition",
            "Der Link auf `{p}` wird in dieser Ausgabe zu Text, weil die Seite ausgeblendet ist"
        ),
        UnsafeLink(scheme) => t!(
            lang,
            "link with a `{scheme}:` URL becomes plain text",
            "Ein Link mit `{scheme}:` wird aus Sicherheitsgründen zu Text"
        ),
        _ => unreachable!("message() sends only these here"),
    }
}

/// Shortcodes, variables and snippets.
fn shortcode_problem_message(p: &Problem, lang: Lang) -> String {
    use Problem::*;
    match p {
        ShortcodeSyntax { name, issue } => shortcode_message(name, issue, lang),
        UnknownShortcode(n) => t!(
            lang,
            "unknown shortcode `{n}`",
            "Den Baustein `{n}` gibt es nicht"
        ),
        MissingArgument { name, arg } => t!(
            lang,
            "shortcode `{name}` needs the argument `{arg}`",
            "Dem Baustein `{name}` fehlt die Angabe `{arg}`"
        ),
        UnknownArgument { name, arg } => t!(
            lang,
            "shortcode `{name}` has no argument `{arg}`",
            "Der Baustein `{name}` kennt die Angabe `{arg}` nicht"
        ),
        UnknownVar(n) => t!(
            lang,
            "unknown variable `{n}`: not in `vars` of handbook.yaml or edition.yaml",
            "Den Wert `{n}` gibt es nicht: er steht nicht unter `vars` in handbook.yaml oder edition.yaml"
        ),
        VarNotText { name, found } => {
            let (en, de) = match found {
                Found::List => ("a list", "eine Liste"),
                Found::Mapping => ("a mapping", "eine Gruppe von Werten"),
                Found::Empty => ("empty", "leer"),
            };
            t!(
                lang,
                "variable `{name}` is {en}, not a text or number",
                "Der Wert `{name}` ist {de}, kein Text und keine Zahl"
            )
        }
        Count(issue) => count_message(issue, lang),
        SnippetNotFound(p) => t!(
            lang,
            "snippet `{p}` not found",
            "Den Textbaustein `{p}` gibt es nicht"
        ),
        IncludeCycle(chain) => t!(
            lang,
            "include cycle: {chain}",
            "Textbausteine binden sich im Kreis ein: {chain}"
        ),
        ShortcodeTemplate { name, detail } => t!(
            lang,
            "shortcode `{name}`: template error: {detail}",
            "Die Vorlage des Bausteins `{name}` hat einen Fehler: {detail}"
        ),
        ShortcodeInField { name, field } => t!(
            lang,
            "shortcode `{name}` cannot be used in `{field}`, only `var` and `count`",
            "In `{field}` geht der Baustein `{name}` nicht, nur `var` und `count`"
        ),
        _ => unreachable!("message() sends only these here"),
    }
}

/// Editions, configuration, templates and the build's own output.
fn run_message(p: &Problem, lang: Lang) -> String {
    use Problem::*;
    match p {
        MergeConflict(p) => t!(
            lang,
            "edition: `{p}` has an unresolved merge conflict",
            "`{p}` enthält noch einen ungelösten Konflikt einer Zusammenführung (`edition merge` oder Git)"
        ),
        UpstreamChanged { path, removed } => match removed {
            true => t!(
                lang,
                "edition: `{path}` is removed upstream since it was forked",
                "`{path}` wurde im Handbuch gelöscht, seit diese Ausgabe die Seite übernommen hat"
            ),
            false => t!(
                lang,
                "edition: `{path}` is changed upstream since it was forked",
                "`{path}` wurde im Handbuch geändert, seit diese Ausgabe die Seite übernommen hat"
            ),
        },
        YamlFile { file, issue } => yaml_file_message(*file, issue, lang),
        Config(e) => match lang {
            Lang::En => format!("configuration: {e}"),
            Lang::De => format!("handbook.yaml: {}", os_text::german(&serde_text::aside(e))),
        },
        Template(e) => t!(lang, "template error: {e}", "Fehler in der Vorlage: {e}"),
        UnknownTemplate(name) => t!(
            lang,
            "the theme has no template `{name}`",
            "Die Vorlage `{name}` gibt es im Theme nicht"
        ),
        Output(e) => {
            let de = os_text::german(e);
            t!(
                lang,
                "cannot write output: {e}",
                "Die Website lässt sich nicht schreiben: {de}"
            )
        }
        Search(e) => {
            let de = os_text::german(e);
            t!(lang, "search index: {e}", "Suchindex: {de}")
        }
        NoSearchIndex(dir) => t!(
            lang,
            "search index: no search index in {dir} (run `handbook build` first)",
            "Suchindex: in {dir} liegt kein Suchindex; bauen Sie das Handbuch zuerst mit `handbook build`"
        ),
        Edition(e) => {
            let de = os_text::german(e);
            t!(lang, "edition: {e}", "Ausgabe: {de}")
        }
        InvalidHidePattern { pattern, detail } => {
            let de = glob_de(detail);
            t!(
                lang,
                "edition: invalid hide pattern `{pattern}`: {detail}",
                "Das Muster `{pattern}` unter `hide` ist ungültig: {de}"
            )
        }
        HidePatternsTogether(e) => t!(
            lang,
            "edition: the hide patterns cannot be used together: {e}",
            "Die Muster unter `hide` lassen sich nicht zusammen verwenden ({e})"
        ),
        _ => unreachable!("message() sends only these here"),
    }
}

fn shortcode_message(name: &str, issue: &ShortcodeIssue, lang: Lang) -> String {
    use ShortcodeIssue::*;
    let detail = match issue {
        NotClosed { close } => t!(
            lang,
            "the call is not closed with `){close}`",
            "der Aufruf wird nicht mit `){close}` geschlossen"
        ),
        NoEnd => t!(
            lang,
            "no `{{% end %}}` closes this block",
            "kein `{{% end %}}` schließt diesen Block"
        ),
        StrayEnd => t!(lang, "no block is open here", "hier ist kein Block offen"),
        NeedsBody => t!(
            lang,
            "needs a body: `{{% {name}(…) %}}text{{% end %}}`",
            "braucht einen Text: `{{% {name}(…) %}}Text{{% end %}}`"
        ),
        ExpectedComma { after } => t!(
            lang,
            "expected `,` or `)` after `{after}`",
            "nach `{after}` fehlt `,` oder `)`"
        ),
        ExpectedName { found } => t!(
            lang,
            "expected an argument name, found `{found}`",
            "hier fehlt der Name einer Angabe, gefunden: `{found}`"
        ),
        ExpectedEquals { name: arg } => t!(
            lang,
            "expected `=` after `{arg}`",
            "nach `{arg}` fehlt `=`"
        ),
        GivenTwice { name: arg } => t!(
            lang,
            "`{arg}` is given twice",
            "`{arg}` steht zweimal da"
        ),
        UnclosedText { name: arg, quote } => t!(
            lang,
            "the text of `{arg}` has no closing {quote}",
            "der Text von `{arg}` wird nicht mit {quote} geschlossen"
        ),
        BadValue { name: arg, word } => t!(
            lang,
            "the value of `{arg}` must be text in quotes, a number, true or false: write `{arg}=\"{word}\"`",
            "der Wert von `{arg}` muss in Anführungszeichen stehen (oder eine Zahl, true oder false sein): `{arg}=\"{word}\"`"
        ),
    };
    t!(
        lang,
        "shortcode `{name}`: {detail}",
        "Baustein `{name}`: {detail}"
    )
}

fn count_message(issue: &CountIssue, lang: Lang) -> String {
    use CountIssue::*;
    match issue {
        NoSection {
            section,
            suggestion,
        } => {
            let (en, de) = suggestion
                .as_ref()
                .map_or((String::new(), String::new()), |s| {
                    (
                        format!(" (did you mean `{s}`?)"),
                        format!(" (meinten Sie `{s}`?)"),
                    )
                });
            t!(
                lang,
                "count: there is no section `{section}`{en}",
                "count: den Bereich `{section}` gibt es nicht{de}"
            )
        }
        UnknownKind(k) => t!(
            lang,
            "count: unknown kind `{k}` (expected region, concept, agreement, check or page)",
            "count: die Art `{k}` gibt es nicht (möglich: region, concept, agreement, check, page)"
        ),
        NoSuchField(f) => t!(
            lang,
            "count: no page counted here has the front-matter key `{f}`",
            "count: keine der gezählten Seiten hat im Kopfteil den Eintrag `{f}`"
        ),
        UnknownFormat(f) => t!(
            lang,
            "count: unknown format `{f}` (expected \"zahl\", \"wort\" or \"Wort\")",
            "count: das Format `{f}` gibt es nicht (möglich: \"zahl\", \"wort\", \"Wort\")"
        ),
    }
}

/// globset's reasons (`unclosed character class; missing ']'`) in German.
fn glob_de(detail: &str) -> String {
    const REASONS: &[(&str, &str)] = &[
        (
            "unclosed character class",
            "eine `[` wird nicht mit `]` geschlossen",
        ),
        (
            "invalid character range",
            "der Bereich in `[…]` ist ungültig",
        ),
        ("unopened alternate group", "vor der `}` fehlt die `{`"),
        (
            "unclosed alternate group",
            "eine `{` wird nicht mit `}` geschlossen",
        ),
        (
            "nested alternate groups",
            "`{…}` darf nicht in `{…}` stehen",
        ),
        ("dangling", "am Ende steht ein einzelnes `\\`"),
        (
            "invalid use of **",
            "`**` muss allein zwischen zwei `/` stehen",
        ),
    ];
    REASONS
        .iter()
        .find(|(en, _)| detail.contains(en))
        .map_or_else(|| detail.to_string(), |(_, de)| de.to_string())
}

/// serde's type errors in plain German: which kind of value was expected.
fn type_detail_de(detail: &str) -> String {
    serde_text::german(detail)
}

/// The hint's text, looked up by its group like [`message`].
pub fn hint(h: &Hint, lang: Lang) -> String {
    use Hint::*;
    match h {
        DidYouMean(..)
        | SaveAsUtf8
        | CloseFrontMatter
        | WriteYamlFrontMatter
        | AddTitle
        | RaiseFirstHeading { .. }
        | UnknownKeyKept { .. }
        | WriteList
        | UseListedValue
        | WriteBool
        | WriteSlugList { .. }
        | DeclarePlaceholder { .. }
        | ReplaceTodo { .. }
        | QuoteHashValue(..)
        | Yaml(..) => front_matter_hint(h, lang),
        RenameDuplicate
        | BecomeSectionPage(..)
        | UnsafeLink
        | AddSection(..)
        | MissingAnchorList(..)
        | TargetIsDraft
        | ReferencedDraft
        | OtherKind { .. }
        | DescribeImage
        | StaticFolder(..) => link_hint(h, lang),
        KnownShortcodes(..)
        | KnownTemplates(..)
        | WriteArgument { .. }
        | SnippetIsPage
        | SnippetNaming => shortcode_hint(h, lang),
        ResolveConflict | EditionDrift { .. } => edition_hint(h, lang),
        CloseLink
        | SpaceInLink
        | EnglishKey { .. }
        | HideFolder(..)
        | LinkByRole
        | DescribePicture
        | PictureBesidePage
        | WriteEmail(..)
        | ListValid { .. } => silent::hint(h, lang),
        Foreign(issue) => foreign::hint(issue, lang),
    }
}

/// Hints for a page's front matter and text.
fn front_matter_hint(h: &Hint, lang: Lang) -> String {
    use Hint::*;
    match h {
        DidYouMean(m) => t!(lang, "did you mean `{m}`?", "meinten Sie `{m}`?"),
        SaveAsUtf8 => t!(
            lang,
            "save the file as UTF-8",
            "speichern Sie die Datei im Editor mit der Kodierung UTF-8"
        ),
        WriteYamlFrontMatter => t!(
            lang,
            "write it in YAML between `---` lines: `title = \"Anfang\"` becomes `title: \"Anfang\"`",
            "schreiben Sie ihn in YAML zwischen `---`-Zeilen: aus `title = \"Anfang\"` wird `title: \"Anfang\"`"
        ),
        CloseFrontMatter => t!(
            lang,
            "end the front matter with a line containing only `---` before the Markdown text",
            "schließen Sie den Kopfteil vor dem Text mit einer Zeile ab, in der nur `---` steht"
        ),
        AddTitle => t!(
            lang,
            "add `title: …` to the front matter or start the text with `# Titel`",
            "schreiben Sie `title: …` in den Kopfteil oder beginnen Sie den Text mit `# Titel`"
        ),
        RaiseFirstHeading { heading, level } => {
            let hashes = "#".repeat(*level as usize);
            t!(
                lang,
                "the first heading, `{hashes} {heading}`, is the title with one `#`: `# {heading}` (or add `title: …` to the front matter)",
                "die erste Überschrift, `{hashes} {heading}`, wird mit einem `#` zum Titel: `# {heading}` (oder schreiben Sie `title: …` in den Kopfteil)"
            )
        }
        UnknownKeyKept { suggestion, key } => t!(
            lang,
            "did you mean `{suggestion}`? Unknown keys are kept for templates as `page.extra.{key}`",
            "meinten Sie `{suggestion}`? Unbekannte Einträge bleiben für Vorlagen als `page.extra.{key}` erhalten"
        ),
        WriteList => t!(
            lang,
            "write a list, e.g. `key: [a, b]` or one `- item` per line",
            "schreiben Sie eine Liste, z. B. `name: [a, b]` oder je Zeile `- Eintrag`"
        ),
        UseListedValue => t!(
            lang,
            "use one of the values listed above, spelled exactly",
            "nehmen Sie einen der genannten Werte, genau so geschrieben"
        ),
        WriteBool => t!(lang, "write `true` or `false`", "schreiben Sie `true` oder `false`"),
        WriteSlugList { key } => t!(
            lang,
            "write e.g. `{key}: [alleinerziehende, stille-reserve]`",
            "schreiben Sie z. B. `{key}: [alleinerziehende, stille-reserve]`"
        ),
        DeclarePlaceholder { key } => t!(
            lang,
            "declare it: `placeholders: [{{key: {key}, label: \"…\"}}]`",
            "tragen Sie es ein: `placeholders: [{{key: {key}, label: \"…\"}}]`"
        ),
        QuoteHashValue(key) => t!(
            lang,
            "put the value in quotes: `{key}: \"… #…\"`",
            "setzen Sie den Wert in Anführungszeichen: `{key}: \"… #…\"`"
        ),
        ReplaceTodo { marker } => t!(
            lang,
            "replace it with the final text before publishing (`{marker}` is a `todo_markers` entry of handbook.yaml)",
            "ersetzen Sie die Stelle vor der Veröffentlichung durch den endgültigen Text (`{marker}` steht unter `todo_markers` in handbook.yaml)"
        ),
        Yaml(issue) => yaml_hint(issue, lang),
        _ => unreachable!("hint() sends only these here"),
    }
}

/// Hints for links, references and images.
fn link_hint(h: &Hint, lang: Lang) -> String {
    use Hint::*;
    match h {
        StaticFolder(path) => t!(
            lang,
            "Docusaurus publishes its folder `static/` at the top of the site: put what it holds into `content/` (this file as `content/{path}`), and the link finds it",
            "Docusaurus veröffentlicht seinen Ordner `static/` oben in der Website: legen Sie seinen Inhalt in `content/` (diese Datei als `content/{path}`), dann findet der Link sie"
        ),
        RenameDuplicate => t!(
            lang,
            "give one of the pages another `slug:` or file name",
            "geben Sie einer der Seiten einen anderen `slug:` oder Dateinamen"
        ),
        BecomeSectionPage(path) => t!(
            lang,
            "to make this page the folder's own, move it to `{path}`; otherwise give it another `slug:`",
            "soll diese Seite die des Ordners sein, verschieben Sie sie nach `{path}`; sonst geben Sie ihr einen anderen `slug:`"
        ),
        UnsafeLink => t!(
            lang,
            "only http, https, mailto, tel and site links are published; `allow_raw_html: true` in handbook.yaml lifts this",
            "veröffentlicht werden nur Links mit http, https, mailto, tel und Links innerhalb der Website; `allow_raw_html: true` in handbook.yaml hebt das auf"
        ),
        AddSection(example) => t!(
            lang,
            "write the section too, e.g. `{example}`",
            "schreiben Sie den Bereich dazu, z. B. `{example}`"
        ),
        MissingAnchorList(ids) => t!(
            lang,
            "anchors on that page: {ids}",
            "Anker auf dieser Seite: {ids}"
        ),
        OtherKind { file, kind } => t!(
            lang,
            "`{file}` has this name but is of kind `{kind}`: check its `kind:`, or the list this name stands in",
            "`{file}` heißt so, ist aber eine Seite der Art `{kind}`: prüfen Sie dort `kind:` oder hier die Liste"
        ),
        ReferencedDraft => t!(
            lang,
            "take the name out of this list, or publish that page (`draft: false`)",
            "nehmen Sie den Namen aus dieser Liste, oder veröffentlichen Sie jene Seite (`draft: false`)"
        ),
        TargetIsDraft => t!(
            lang,
            "the target is a draft (`draft: true`) and is not published",
            "die Zielseite ist ein Entwurf (`draft: true`) und wird nicht veröffentlicht"
        ),
        DescribeImage => t!(
            lang,
            "describe what the picture shows in `alt=\"…\"`; people who cannot see it hear this text",
            "beschreiben Sie in `alt=\"…\"`, was das Bild zeigt; wer es nicht sehen kann, bekommt diesen Text vorgelesen"
        ),
        _ => unreachable!("hint() sends only these here"),
    }
}

/// Hints for shortcodes and snippets.
fn shortcode_hint(h: &Hint, lang: Lang) -> String {
    use Hint::*;
    match h {
        KnownTemplates(list) => t!(
            lang,
            "write one of {list}, or delete the line for the template of the page's kind",
            "schreiben Sie eine dieser Vorlagen: {list}, oder löschen Sie die Zeile für die Vorlage der Seitenart"
        ),
        KnownShortcodes(list) => t!(
            lang,
            "known shortcodes: {list}",
            "vorhandene Bausteine: {list}"
        ),
        WriteArgument { name, arg } => t!(
            lang,
            "write e.g. `{name}({arg}=\"…\")`",
            "schreiben Sie z. B. `{name}({arg}=\"…\")`"
        ),
        SnippetIsPage => t!(
            lang,
            "this is a page; a snippet's file name starts with `_`, e.g. `_kontakt.md`",
            "das ist eine Seite; der Dateiname eines Textbausteins beginnt mit `_`, z. B. `_kontakt.md`"
        ),
        SnippetNaming => t!(
            lang,
            "snippets are Markdown files whose name starts with `_` (not `_index.md`), given relative to the including file",
            "Textbausteine sind Markdown-Dateien, deren Name mit `_` beginnt (nicht `_index.md`); der Pfad gilt ab der einbindenden Datei"
        ),
        _ => unreachable!("hint() sends only these here"),
    }
}

/// Hints for editions.
fn edition_hint(h: &Hint, lang: Lang) -> String {
    use Hint::*;
    match h {
        ResolveConflict => t!(
            lang,
            "keep what is right between `<<<<<<<` and `>>>>>>>` and delete the marker lines",
            "behalten Sie zwischen `<<<<<<<` und `>>>>>>>` die richtige Fassung und löschen Sie die Markierungszeilen"
        ),
        EditionDrift { edition, path } => t!(
            lang,
            "see `handbook edition diff {edition} content/{path}`, take it over with `handbook edition merge {edition} content/{path}`",
            "die Änderung zeigt `handbook edition diff {edition} content/{path}`, übernehmen Sie sie mit `handbook edition merge {edition} content/{path}`"
        ),
        _ => unreachable!("hint() sends only these here"),
    }
}

// --- handbooks written for other tools: their texts live in a file of their own
mod foreign;
// --- mistakes that once passed in silence
mod silent;
