//! One Markdown file → one [`Page`], or the diagnostics that say why not.
//! Type errors are reported per key, so a page with three wrong keys shows
//! three errors, each at its own key.

use super::book_order::BookOrder;
use super::foreign_keys;
use super::frontmatter::{self, Split};
use super::markdown;
use super::model::*;
use super::naming::{self, page_slug, title_from_path};
use super::page::{Page, RefSite};
use super::source::{invalid_utf8_position, SourceText};
use super::yaml::{self, Node, Value};
use crate::config::Config;
use crate::diagnostics::{did_you_mean, Diagnostic, Hint, Problem, Span};
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

pub struct Parsed {
    pub page: Option<Page>,
    pub diagnostics: Vec<Diagnostic>,
}

/// `rel_path` is relative to the handbook root (for diagnostics),
/// `content_path` relative to the content folder (for URLs and links).
pub fn parse_page(
    rel_path: PathBuf,
    content_path: PathBuf,
    bytes: &[u8],
    config: &Config,
    book: &BookOrder,
) -> Parsed {
    let mut diags = Vec::new();
    let book_title = book.title(&content_path);
    let page = parse_inner(
        rel_path,
        content_path,
        bytes,
        config,
        book_title,
        &mut diags,
    );
    Parsed {
        page,
        diagnostics: diags,
    }
}

fn parse_inner(
    rel_path: PathBuf,
    content_path: PathBuf,
    bytes: &[u8],
    config: &Config,
    book_title: Option<&str>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Page> {
    let raw = decode_utf8(bytes, &rel_path, diags)?;
    let src = SourceText::new(rel_path, raw);
    if let Some(offset) = src.first_control {
        diags.push(Diagnostic::warning(
            Problem::ControlCharacter,
            src.span_at(offset),
        ));
    }
    conflict_markers(&src, &content_path, diags);
    let split = frontmatter::split(&src).map_err(|d| diags.push(d)).ok()?;
    let mut src = src;
    super::kramdown_toc::blank(&mut src.text, split.body_start);
    super::attribute_lists::blank(&mut src.text, split.body_start);
    if let Some((a, b)) = split.yaml {
        for (key, at) in frontmatter::cut_by_hash(&src.text[a..b]) {
            diags.push(
                Diagnostic::warning(Problem::CutByHash(key.clone()), src.span_at(a + at))
                    .with_help(Hint::QuoteHashValue(key)),
            );
        }
    }
    let line_offset = split.yaml_first_line - 1;
    let at = |n: &Node| src.span_line_col(n.line + line_offset, n.column);
    let root = front_matter_root(&src, &split, diags)?;
    let mut entries = root_entries(&root, &at, diags)?;
    let adopted = foreign_keys::adopt(&mut entries, &at, diags);

    // The kind decides which keys are known, so it is read first.
    let kind = read_kind(&entries, &at, diags);
    let taxonomy_keys: Vec<&str> = config.taxonomies.keys().map(String::as_str).collect();
    let taxonomies: Vec<(&str, String, String)> = config
        .taxonomies
        .iter()
        .map(|(k, t)| (k.as_str(), t.section.clone(), t.title.clone()))
        .collect();
    let keys = KnownKeys {
        taxonomy_keys: &taxonomy_keys,
        taxonomies: &taxonomies,
    };
    let sorted = sort_keys(kind, &entries, &keys, &at, diags);
    let mut common: Common = typed(&sorted.common, &at, diags);
    let meta = kind_meta(kind, &sorted.of_kind, &at, diags);
    if kind == PageKind::Region {
        super::contacts::check(&sorted.of_kind, &at, diags);
    }
    let refs = references(kind, &entries, &taxonomy_keys, &at);
    let scan = markdown::scan(&src, split.body_start);
    for (span, issue) in &scan.pictures {
        use super::pictures::PictureIssue::*;
        let (problem, hint) = match issue {
            Undescribed(src) => (
                Problem::PictureWithoutDescription(src.clone()),
                Hint::DescribePicture,
            ),
            Elsewhere(host) => (
                Problem::PictureFromElsewhere(host.clone()),
                Hint::PictureBesidePage,
            ),
        };
        diags.push(Diagnostic::warning(problem, span.clone()).with_help(hint));
    }
    for (span, e) in &scan.math_errors {
        diags.push(Diagnostic::warning(
            Problem::UnreadableFormula(e.clone()),
            span.clone(),
        ));
    }
    for (span, text) in &scan.literal_stars {
        diags.push(Diagnostic::warning(
            Problem::LiteralStars(text.clone()),
            span.clone(),
        ));
    }
    for (span, u) in &scan.unparsed_links {
        diags.push(
            Diagnostic::error(Problem::UnparsedLink(u.written.clone()), span.clone())
                .with_help(u.hint.clone()),
        );
    }
    // a start page without a title of its own has the handbook's
    if common.title.is_none() && scan.first_h1.is_none() && naming::is_start_page(&content_path) {
        common.title = Some(config.title.clone()).filter(|t| !t.trim().is_empty());
    }
    diags.extend(super::foreign::check(
        &src,
        split.body_start,
        &scan,
        config.allow_raw_html,
        matches!(meta, KindMeta::Agreement(_)),
    ));
    let title = page_title(
        &common,
        &scan,
        book_title,
        &entries,
        &src,
        split.body_start,
        &content_path,
        diags,
    )?;
    // the template prints the title as the page's `<h1>`: the heading it
    // came from (or that repeats it) is not printed a second time
    let same = |h: &str| h.trim() == title.trim();
    let title_heading = match (&scan.first_h1, scan.headings.first()) {
        (Some(h1), _) => same(h1).then_some(1),
        // no `#` heading: a first `## Titel` the title came from (or that
        // repeats the title the book order gave) is the title too
        (None, Some(h)) if common.title.is_none() && same(&h.text) => Some(h.level),
        _ => None,
    };
    if let KindMeta::Agreement(a) = &meta {
        check_placeholders(&src, split.body_start, a, &entries, &at, diags);
    }

    // Type errors keep the page (with defaults for the wrong keys) so that
    // its links and references are still checked in the same run; the
    // errors themselves fail the build.
    let (slug, is_section_index) = page_slug(common.slug.as_deref(), &content_path);
    Some(Page {
        kind,
        meta,
        title: title.trim().to_string(),
        slug,
        description: common.description,
        weight: common
            .weight
            .map(|w| w as f64)
            .or(adopted.weight)
            .or(naming::name_weight(&content_path))
            .unwrap_or(super::page::UNWEIGHTED),
        url_override: adopted.url,
        aliases: adopted.aliases,
        title_heading,
        template: common.template,
        draft: common.draft,
        in_menu: common.menu.unwrap_or(true),
        menu_title: adopted.menu_title,
        menu_part: None,
        extra: sorted.extra,
        content_path,
        body_start: split.body_start,
        source: src,
        is_section_index,
        owns_folder: None,
        book_folder: None,
        kept_number: false,
        synthetic: false,
        url: String::new(),
        headings: scan.headings,
        html_anchors: scan.html_anchors,
        captions: scan.captions,
        links: scan.links,
        refs,
        text_sections: scan.sections,
        expanded: None,
    })
}

fn decode_utf8<'a>(
    bytes: &'a [u8],
    rel_path: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<&'a str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(s),
        Err(e) => {
            let (line, col) = invalid_utf8_position(bytes, &e);
            diags.push(
                Diagnostic::error(
                    Problem::InvalidUtf8,
                    Span::new(rel_path.to_path_buf(), line, col),
                )
                .with_help(Hint::SaveAsUtf8),
            );
            None
        }
    }
}

/// The front matter's YAML as one node (an empty mapping without front
/// matter), positions relative to the YAML text.
fn front_matter_root(src: &SourceText, split: &Split, diags: &mut Vec<Diagnostic>) -> Option<Node> {
    let Some((a, b)) = split.yaml else {
        return Some(Node {
            value: Value::Null,
            line: 1,
            column: 1,
        });
    };
    let line_offset = split.yaml_first_line - 1;
    match yaml::parse(&src.text[a..b]) {
        Ok(node) => Some(node),
        Err(e) => {
            let issue = e.issue.shifted(line_offset);
            diags.push(
                Diagnostic::error(
                    Problem::Yaml(issue.clone()),
                    src.span_line_col(e.line + line_offset, e.column),
                )
                .with_help(Hint::Yaml(issue)),
            );
            None
        }
    }
}

fn root_entries<'n>(
    root: &'n Node,
    at: &dyn Fn(&Node) -> Span,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<(&'n Node, &'n Node)>> {
    match &root.value {
        Value::Map(entries) => Some(entries.iter().map(|(k, v)| (k, v)).collect()),
        Value::Null => Some(Vec::new()),
        _ => {
            diags.push(Diagnostic::error(
                Problem::FrontMatterNotMapping(root.type_name().into()),
                at(root),
            ));
            None
        }
    }
}

/// `kind:`, or `page` when it is missing or wrong (the error is reported).
fn read_kind(
    entries: &[(&Node, &Node)],
    at: &dyn Fn(&Node) -> Span,
    diags: &mut Vec<Diagnostic>,
) -> PageKind {
    let Some((k, v)) = entries.iter().find(|(k, _)| k.as_str() == Some("kind")) else {
        return PageKind::Page;
    };
    match v.as_str().map(|s| (s, PageKind::parse(s))) {
        Some((_, Some(parsed))) => return parsed,
        Some((s, None)) => {
            let names = PageKind::ALL.map(PageKind::name);
            diags.push(
                Diagnostic::error(Problem::UnknownKind(s.into()), at(v))
                    .with_help_opt(did_you_mean(s, names).map(|m| Hint::DidYouMean(m.into()))),
            );
        }
        None => diags.push(Diagnostic::error(
            Problem::WrongType {
                key: "kind".into(),
                detail: format!("expected a string, found {}", v.type_name()),
            },
            at(k),
        )),
    }
    PageKind::Page
}

/// The front matter's entries by who reads them.
struct SortedKeys<'n> {
    common: Vec<(&'n Node, &'n Node)>,
    of_kind: Vec<(&'n Node, &'n Node)>,
    /// Keys no schema knows, kept for templates as `page.extra`.
    extra: serde_json::Map<String, serde_json::Value>,
}

/// The keys beside the schema's: the handbook's taxonomies, by key and by
/// (key, section, title) for the German words that name them.
struct KnownKeys<'a> {
    taxonomy_keys: &'a [&'a str],
    taxonomies: &'a [(&'a str, String, String)],
}

fn sort_keys<'n>(
    kind: PageKind,
    entries: &[(&'n Node, &'n Node)],
    keys: &KnownKeys,
    at: &dyn Fn(&Node) -> Span,
    diags: &mut Vec<Diagnostic>,
) -> SortedKeys<'n> {
    let mut sorted = SortedKeys {
        common: Vec::new(),
        of_kind: Vec::new(),
        extra: serde_json::Map::new(),
    };
    for &(k, v) in entries {
        let key = k.key_string();
        if COMMON_KEYS.contains(&key.as_str()) {
            sorted.common.push((k, v));
        } else if kind.keys().contains(&key.as_str()) {
            sorted.of_kind.push((k, v));
        } else if keys.taxonomy_keys.contains(&key.as_str()) {
            check_string_list(&key, k, v, at, diags);
        } else {
            warn_near_miss(kind, &key, keys, at(k), diags);
            let json = v.to_json();
            // read by the theme: a value it cannot use is said here
            if key == "lang" {
                let value = json
                    .as_str()
                    .map_or_else(|| json.to_string(), str::to_string);
                if !super::languages::is_tag(value.trim()) {
                    diags.push(Diagnostic::warning(Problem::NoLanguageTag(value), at(v)));
                }
            }
            sorted.extra.insert(key, json);
        }
    }
    sorted
}

/// An unknown key that looks like a known one is probably a typo, or the
/// German word for it (`Dauer` for `duration`).
fn warn_near_miss(
    kind: PageKind,
    key: &str,
    keys: &KnownKeys,
    span: Span,
    diags: &mut Vec<Diagnostic>,
) {
    let known: Vec<&str> = COMMON_KEYS
        .iter()
        .chain(kind.keys())
        .copied()
        .chain(keys.taxonomy_keys.iter().copied())
        .collect();
    if let Some(english) = super::german_keys::meaning(key, &known, keys.taxonomies) {
        diags.push(
            Diagnostic::warning(
                Problem::GermanKey {
                    key: key.into(),
                    english: english.into(),
                },
                span,
            )
            .with_help(Hint::EnglishKey {
                key: key.into(),
                english: english.into(),
            }),
        );
        return;
    }
    if let Some(m) = did_you_mean(key, known.iter().copied()) {
        diags.push(
            Diagnostic::warning(
                Problem::UnknownKey {
                    key: key.into(),
                    kind: kind.name().into(),
                },
                span,
            )
            .with_help(Hint::UnknownKeyKept {
                suggestion: m.into(),
                key: key.into(),
            }),
        );
    }
}

fn kind_meta(
    kind: PageKind,
    entries: &[(&Node, &Node)],
    at: &dyn Fn(&Node) -> Span,
    diags: &mut Vec<Diagnostic>,
) -> KindMeta {
    match kind {
        PageKind::Region => KindMeta::Region(typed(entries, at, diags)),
        PageKind::Concept => KindMeta::Concept(typed(entries, at, diags)),
        PageKind::Agreement => KindMeta::Agreement(typed(entries, at, diags)),
        PageKind::Check => KindMeta::Check(typed(entries, at, diags)),
        PageKind::Page => KindMeta::Page {},
    }
}

/// References: every list item with its own position.
fn references(
    kind: PageKind,
    entries: &[(&Node, &Node)],
    taxonomy_keys: &[&str],
    at: &dyn Fn(&Node) -> Span,
) -> Vec<RefSite> {
    let mut refs = Vec::new();
    let ref_fields = kind
        .reference_keys()
        .iter()
        .map(|(f, _)| *f)
        .chain(["related"])
        .chain(taxonomy_keys.iter().copied());
    let single = kind.single_reference_keys().iter().copied();
    for field in ref_fields.chain(single) {
        let Some((_, v)) = entries.iter().find(|(k, _)| k.as_str() == Some(field)) else {
            continue;
        };
        let items = match &v.value {
            Value::Seq(items) => items.iter().collect(),
            // `programme: neue-wege-nrw`, one name without a list; left
            // empty, it names nothing
            Value::Str(s)
                if !s.trim().is_empty() && kind.single_reference_keys().contains(&field) =>
            {
                vec![*v]
            }
            _ => continue,
        };
        for item in items {
            if let Some(target) = item.as_str() {
                refs.push(RefSite {
                    field: field.to_string(),
                    target: target.trim().to_string(),
                    span: at(item),
                });
            }
        }
    }
    refs
}

/// `title:`, else the first `# heading`, else the title the book's list
/// gives the page (MkDocs' `nav:`, mdBook's `SUMMARY.md`), else the first
/// heading of any level, with a warning; an empty file gets its file name.
#[allow(clippy::too_many_arguments)]
fn page_title(
    common: &Common,
    scan: &markdown::Scan,
    book_title: Option<&str>,
    entries: &[(&Node, &Node)],
    src: &SourceText,
    body_start: usize,
    content_path: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let own = common.title.clone().or(scan.first_h1.clone());
    if let Some(t) = own.as_ref().filter(|t| !t.trim().is_empty()) {
        return Some(t.clone());
    }
    // `title: ""` is a title taken away, which only a title mends
    let emptied = common.title.is_some();
    if let Some(t) = book_title.filter(|_| !emptied) {
        return Some(t.to_string());
    }
    if entries.is_empty() && src.text[body_start..].trim().is_empty() {
        // An empty file is a page someone has started (`touch`, a new
        // editor buffer): publish it under its file name rather than fail
        // the whole build, but say so.
        let name = title_from_path(content_path);
        diags.push(Diagnostic::warning(
            Problem::EmptyPage(name.clone()),
            src.span_at(0),
        ));
        return Some(name);
    }
    match scan.headings.first().filter(|_| !emptied) {
        // lernOS, mdBook's subchapters and many wikis begin at `## Titel`:
        // that heading stands in, as MkDocs' and Docusaurus' first heading
        // does, and the warning says which line to raise
        Some(h) if !h.text.trim().is_empty() => {
            diags.push(
                Diagnostic::warning(Problem::TitleFromHeading(h.text.clone()), src.span_at(0))
                    .with_help(Hint::RaiseFirstHeading {
                        heading: h.text.clone(),
                        level: h.level,
                    }),
            );
            Some(h.text.clone())
        }
        _ => {
            diags.push(
                Diagnostic::error(Problem::MissingTitle, src.span_at(0)).with_help(Hint::AddTitle),
            );
            None
        }
    }
}

/// Deserialises the given keys into `T`; on failure, tries each key alone so
/// that every wrong key gets its own diagnostic at its own position.
fn typed<T: DeserializeOwned + Default>(
    entries: &[(&Node, &Node)],
    at: &dyn Fn(&Node) -> Span,
    diags: &mut Vec<Diagnostic>,
) -> T {
    let object = |list: &[(&Node, &Node)]| {
        serde_json::Value::Object(
            list.iter()
                .map(|(k, v)| (k.key_string(), v.to_json()))
                .collect(),
        )
    };
    if let Ok(t) = serde_json::from_value::<T>(object(entries)) {
        return t;
    }
    let mut good = Vec::new();
    for entry in entries {
        if let Err(e) = serde_json::from_value::<T>(object(std::slice::from_ref(entry))) {
            let (k, v) = entry;
            let detail = e.to_string();
            let _ = v;
            let span = at(k);
            diags.push(
                Diagnostic::error(
                    Problem::WrongType {
                        key: k.key_string(),
                        detail: strip_serde_position(&detail),
                    },
                    span,
                )
                .with_help_opt(type_help(&detail)),
            );
        } else {
            good.push(*entry);
        }
    }
    // one wrong key must not cost the page its other keys (its title
    // above all, which would add a false „no title“)
    serde_json::from_value::<T>(object(&good)).unwrap_or_default()
}

fn strip_serde_position(s: &str) -> String {
    match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s.to_string(),
    }
}

fn type_help(detail: &str) -> Option<Hint> {
    if detail.contains("expected a sequence") {
        Some(Hint::WriteList)
    } else if detail.contains("unknown variant") {
        Some(Hint::UseListedValue)
    } else if detail.contains("expected a boolean") {
        Some(Hint::WriteBool)
    } else {
        None
    }
}

fn check_string_list(
    key: &str,
    k: &Node,
    v: &Node,
    at: &dyn Fn(&Node) -> Span,
    diags: &mut Vec<Diagnostic>,
) {
    let ok = match &v.value {
        Value::Seq(items) => items.iter().all(|i| i.as_str().is_some()),
        Value::Null => true,
        _ => false,
    };
    if !ok {
        diags.push(
            Diagnostic::error(
                Problem::WrongType {
                    key: key.into(),
                    detail: format!("expected a list of slugs, found {}", v.type_name()),
                },
                at(k),
            )
            .with_help(Hint::WriteSlugList { key: key.into() }),
        );
    }
}

/// Every `[[key]]` in an agreement's text must be declared in `placeholders`.
fn check_placeholders(
    src: &SourceText,
    body_start: usize,
    meta: &AgreementMeta,
    entries: &[(&Node, &Node)],
    at: &dyn Fn(&Node) -> Span,
    diags: &mut Vec<Diagnostic>,
) {
    let valid_key = |k: &str| {
        !k.is_empty()
            && k.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    };
    let declared: Vec<&str> = meta.placeholders.iter().map(|p| p.key.as_str()).collect();
    if let Some((_, v)) = entries
        .iter()
        .find(|(k, _)| k.as_str() == Some("placeholders"))
    {
        if let Value::Seq(items) = &v.value {
            for (item, p) in items.iter().zip(&meta.placeholders) {
                if !valid_key(&p.key) {
                    diags.push(Diagnostic::error(
                        Problem::InvalidPlaceholderKey(p.key.clone()),
                        at(item),
                    ));
                }
            }
        }
    }
    for (offset, key) in placeholder_marks(&src.text[body_start..]) {
        if !declared.contains(&key) {
            diags.push(
                Diagnostic::error(
                    Problem::UnknownPlaceholder(key.to_string()),
                    src.span_at(body_start + offset),
                )
                .with_help_opt(
                    did_you_mean(key, declared.iter().copied())
                        .map(|m| Hint::DidYouMean(format!("[[{m}]]")))
                        .or(Some(Hint::DeclarePlaceholder { key: key.into() })),
                ),
            );
        }
    }
}

/// `[[key]]` marks in a text, with their byte offsets.
pub fn placeholder_marks(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("[[") {
        let start = from + i;
        let Some(len) = text[start + 2..].find("]]") else {
            break;
        };
        let inner = &text[start + 2..start + 2 + len];
        if !inner.is_empty() && inner.len() <= 64 && !inner.contains(['[', '\n']) {
            out.push((start, inner.trim()));
        }
        from = start + 2;
    }
    out
}

/// `content/x.md` → its content-relative path, used by `parse_page` callers.
pub fn content_relative(content_dir: &Path, path: &Path) -> PathBuf {
    PathBuf::from(
        path.strip_prefix(content_dir)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/"),
    )
}

/// The marker Git and `edition merge` begin a conflict with (the same as
/// editions::drift::CONFLICT_START; content does not depend on editions).
const CONFLICT_START: &str = "<<<<<<< ";

/// A line `<<<<<<< …` is what a merge leaves where both sides changed the
/// same lines (`edition merge`, Git): published as it is, readers would see
/// both versions and the markers. An error at the first one, in any page.
fn conflict_markers(src: &SourceText, content_path: &Path, diags: &mut Vec<Diagnostic>) {
    let Some(line) = src.text.lines().position(|l| l.starts_with(CONFLICT_START)) else {
        return;
    };
    diags.push(
        Diagnostic::error(
            Problem::MergeConflict(content_path.to_string_lossy().replace('\\', "/")),
            src.span_line_col(line + 1, 1),
        )
        .with_help(Hint::ResolveConflict),
    );
}
