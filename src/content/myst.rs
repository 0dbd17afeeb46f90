//! MyST Markdown, which Sphinx and Jupyter Book read: directives in code
//! fences (```` ```{note} ````, ```` ```{figure} plan.png ````), roles
//! before a code span (``{ref}`antrag` ``) and targets (`(antrag)=`). Its
//! boxes and figures become this handbook's (the shortcode stage writes
//! them); the foreign-syntax check names the rest, which would otherwise
//! show as code or as text.

use std::borrow::Cow;

/// The opening line of a directive.
#[derive(Debug, PartialEq)]
pub struct Directive {
    /// `` ` `` or `~`, and how many: the closing line has at least as many.
    pub fence: u8,
    pub len: usize,
    /// Lower case: `note`, `admonition`, `figure`, `code-cell`.
    pub name: String,
    /// What follows the name: a box's title, a figure's path.
    pub argument: String,
}

/// The line as a directive's opener (`` ```{note} ``, `~~~{figure} a.png`).
pub fn directive_line(line: &str) -> Option<Directive> {
    let t = line.trim();
    let fence = *t.as_bytes().first().filter(|b| matches!(b, b'`' | b'~'))?;
    let len = t.bytes().take_while(|&b| b == fence).count();
    if let Some(d) = admonish(&t[len..], fence, len) {
        return Some(d);
    }
    let rest = t[len..].strip_prefix('{')?;
    let close = rest.find('}')?;
    // Quarto's and R Markdown's cells carry options: `{r, echo=FALSE}`
    let (name, options) = rest[..close]
        .split_once([',', ' '])
        .unwrap_or((&rest[..close], ""));
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == ':';
    if len < 3 || name.is_empty() || !name.chars().all(is_name) {
        return None;
    }
    if !options.trim().is_empty() && !is_code_cell(&name.to_ascii_lowercase()) {
        return None;
    }
    Some(Directive {
        fence,
        len,
        name: name.to_ascii_lowercase(),
        argument: rest[close + 1..].trim().to_string(),
    })
}

/// mdBook's admonish plugin, ```` ```admonish warning title="Achtung" ````:
/// a box as MyST's are. A kind this handbook has no box for is a plain
/// box titled with it (`example` → „Example“), as the plugin shows it.
fn admonish(info: &str, fence: u8, len: usize) -> Option<Directive> {
    let rest = info.trim_start().strip_prefix("admonish")?;
    if len < 3 || !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let kind = rest.split_whitespace().next().filter(|w| !w.contains('='));
    let kind = kind.unwrap_or("note").to_ascii_lowercase();
    let title = rest.split_once("title=").map(|(_, v)| {
        let v = v.trim_start();
        match v.strip_prefix(['"', '\'']) {
            Some(q) => q.split(['"', '\'']).next().unwrap_or_default(),
            None => v.split_whitespace().next().unwrap_or_default(),
        }
        .to_string()
    });
    let (name, argument) = match super::callout::box_for(&kind) {
        Some(_) => (kind, title.unwrap_or_default()),
        None => {
            let mut c = kind.chars();
            let shown = c
                .next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>());
            (
                "admonition".to_string(),
                title.or(shown).unwrap_or_default(),
            )
        }
    };
    Some(Directive {
        fence,
        len,
        name,
        argument,
    })
}

/// A code cell of Quarto or R Markdown (```` ```{r} ````, `{python}`),
/// which those tools run and show with its result: a language, not a
/// MyST directive.
pub fn is_code_cell(name: &str) -> bool {
    const LANGUAGES: [&str; 12] = [
        "r",
        "python",
        "julia",
        "ojs",
        "bash",
        "sh",
        "sql",
        "stan",
        "rcpp",
        "ipython",
        "ipython3",
        "observable",
    ];
    LANGUAGES.contains(&name)
}

/// Whether `line` closes the directive `d` opened.
pub fn closes(line: &str, d: &Directive) -> bool {
    let t = line.trim();
    t.len() >= d.len && t.bytes().all(|b| b == d.fence)
}

/// The option lines (`:alt: Lageplan`, `:class: tip`) at the top of a
/// directive's body: each key with its value, and the bytes they take.
pub fn options(body: &str) -> (Vec<(String, String)>, usize) {
    if let Some(block) = yaml_options(body) {
        return block;
    }
    let mut found = Vec::new();
    let mut used = 0;
    for line in body.split_inclusive('\n') {
        let t = line.trim();
        let Some((key, value)) = t.strip_prefix(':').and_then(|r| r.split_once(':')) else {
            break;
        };
        if key.is_empty() || key.contains(' ') {
            break;
        }
        found.push((key.to_string(), value.trim().to_string()));
        used += line.len();
    }
    (found, used)
}

/// The options as a YAML block between `---` lines, MyST's other way to
/// write them (`---\nname: fig-plan\nalt: Ablaufplan\n---`).
fn yaml_options(body: &str) -> Option<(Vec<(String, String)>, usize)> {
    let mut lines = body.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim() != "---" {
        return None;
    }
    let mut used = first.len();
    let mut yaml = String::new();
    for line in lines {
        used += line.len();
        if line.trim() == "---" {
            let serde_json::Value::Object(map) = serde_saphyr::from_str(&yaml).ok()? else {
                return None;
            };
            let found = map
                .into_iter()
                .filter_map(|(k, v)| {
                    let value = match v {
                        serde_json::Value::String(s) => s,
                        serde_json::Value::Number(n) => n.to_string(),
                        serde_json::Value::Bool(b) => b.to_string(),
                        _ => return None,
                    };
                    Some((k, value))
                })
                .collect();
            return Some((found, used));
        }
        yaml.push_str(line);
    }
    None
}

/// The caption of the figure named `name` in `body` (```` ```{figure} ````
/// with `:name: fig-plan`, or `name:` in its YAML block), for a link to
/// it (``{numref}`fig-plan` ``); `None` where there is none.
pub fn figure_named(body: &str, name: &str) -> Option<String> {
    if !body.contains(name) {
        return None;
    }
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        at += line.len();
        let Some(d) = directive_line(line).filter(|d| d.name == "figure") else {
            continue;
        };
        let (options, used) = options(&body[at..]);
        if !options.iter().any(|(k, v)| k == "name" && v.trim() == name) {
            continue;
        }
        // the caption: the body's first paragraph, before the closing fence
        let rest = &body[at + used..];
        let caption: Vec<&str> = rest
            .lines()
            .skip_while(|l| l.trim().is_empty())
            .take_while(|l| !l.trim().is_empty() && !closes(l, &d))
            .collect();
        return Some(caption.join(" ").trim().to_string());
    }
    None
}

/// What a directive becomes here.
#[derive(Debug, PartialEq)]
pub enum Becomes {
    /// A `hinweis` or `achtung` box with this title.
    Box {
        shortcode: &'static str,
        title: String,
    },
    /// A picture (`figure` with its caption, `image` without).
    Figure,
    /// Text beside the page's (`margin`, `sidebar`): here it stands in
    /// the page's flow, its boxes boxes and its title, if any, in bold.
    Aside { title: Option<String> },
    /// Another Markdown file's text, or the part of it between
    /// `:start-after:` and `:end-before:` (`{include}`).
    Include,
    /// A code block in this language (`{code-block} python`), its
    /// options (`:linenos:`, `:caption:`) no part of the code.
    Code { language: String },
    /// Nothing on the page: a `{toctree}`, which orders the book (the
    /// chapter's page lists its pages itself).
    Nothing,
    /// A table written as a list of rows (`{list-table} Titel`).
    ListTable,
    /// A formula on lines of its own (`{math}`), as `$$…$$`.
    Math,
}

/// `None` for a directive that has no counterpart here (`code-cell`,
/// `toctree`, `margin`, …): it stays a code block, and is named.
pub fn becomes(d: &Directive, options: &[(String, String)]) -> Option<Becomes> {
    match d.name.as_str() {
        "figure" | "image" => (!d.argument.is_empty()).then_some(Becomes::Figure),
        "include" => {
            // a file shown as code (`:literal:`, `:code:`) or read by
            // another parser (reStructuredText) stays named
            let markdown = [".md", ".markdown"]
                .iter()
                .any(|e| d.argument.to_ascii_lowercase().ends_with(e));
            let as_code = options
                .iter()
                .any(|(k, _)| matches!(k.as_str(), "literal" | "code" | "parser"));
            (markdown && !as_code).then_some(Becomes::Include)
        }
        "toctree" => Some(Becomes::Nothing),
        "list-table" => Some(Becomes::ListTable),
        "math" => Some(Becomes::Math),
        "code-block" | "code" | "sourcecode" => Some(Becomes::Code {
            language: d
                .argument
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_string(),
        }),
        "margin" | "sidebar" => Some(Becomes::Aside {
            title: Some(d.argument.clone()).filter(|a| !a.trim().is_empty()),
        }),
        _ => boxed(d, options),
    }
}

/// The box the directive `d` is, if it is one.
fn boxed(d: &Directive, options: &[(String, String)]) -> Option<Becomes> {
    // an admonition's title is its own, whatever its look; any other box's
    // argument is its text's first line, shown as its title rather than lost
    let (shortcode, default) = match d.name.as_str() {
        "admonition" => (admonition_box(options), "Hinweis"),
        // sphinx-design's part to open, titled by its argument
        "dropdown" => ("aufklappen", "Details"),
        // docutils' boxes: `hint`, `attention`, `error`, `seealso` too
        name => super::callout::known_kind(name)?,
    };
    let title = match d.argument.is_empty() {
        true => default.to_string(),
        false => d.argument.clone(),
    };
    Some(Becomes::Box { shortcode, title })
}

/// The box an admonition's `:class:` names (`tip`, `warning`), in either
/// fence (```` ```{admonition} ````, `:::{admonition}`); the plain
/// `hinweis` for none or another class.
pub fn admonition_box(options: &[(String, String)]) -> &'static str {
    let class = options.iter().find(|(k, _)| k == "class");
    let look = class.and_then(|(_, v)| v.split_whitespace().next());
    look.and_then(|l| super::callout::box_for(&l.to_ascii_lowercase()))
        .map_or("hinweis", |(shortcode, _)| shortcode)
}

/// The role written right before a code span that starts at `at`:
/// ``{ref}`antrag` `` gives `ref`.
pub fn role_before(text: &str, at: usize) -> Option<&str> {
    let before = text[..at].strip_suffix('}')?;
    let open = before.rfind('{')?;
    let name = &before[open + 1..];
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == ':';
    (!name.is_empty()
        && name.chars().all(is_name)
        && name.starts_with(|c: char| c.is_ascii_alphabetic()))
    .then_some(name)
}

/// A target line `(sec-antrag)=`, which names the heading after it.
pub fn target_line(line: &str) -> Option<Cow<'_, str>> {
    let label = line.trim().strip_prefix('(')?.strip_suffix(")=")?;
    let is_label = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':' | ' ');
    (!label.trim().is_empty() && label.chars().all(is_label)).then(|| label_id(label))
}

/// A label as the anchor it gives: Sphinx allows spaces in one
/// (`(Virtuelle Umgebungen)=`), an id none, so each run of them is a `-`,
/// the same for the label and for each reference to it.
pub fn label_id(label: &str) -> Cow<'_, str> {
    let label = label.trim();
    match label.contains(char::is_whitespace) {
        true => Cow::Owned(label.split_whitespace().collect::<Vec<_>>().join("-")),
        false => Cow::Borrowed(label),
    }
}

/// Whether the target line starting at `at` names a heading: the next
/// line that is not blank is one, as CommonMark reads it (`## Titel` with
/// at most three spaces before it, or a line of text underlined with
/// `===` or `---`). The load stage's scan gives that heading the label as
/// its id, and the render leaves the target line out.
pub fn target_before_heading(text: &str, at: usize) -> bool {
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    if target_line(&text[at..line_end]).is_none() {
        return false;
    }
    let mut lines = text[(line_end + 1).min(text.len())..]
        .lines()
        .skip_while(|l| l.trim().is_empty());
    let Some(next) = lines.next() else {
        return false;
    };
    let indent = next.len() - next.trim_start_matches(' ').len();
    if indent > 3 {
        return false;
    }
    let hashes = next.trim_start().bytes().take_while(|&b| b == b'#').count();
    let after = &next.trim_start()[hashes..];
    if (1..=6).contains(&hashes) && (after.is_empty() || after.starts_with([' ', '\t'])) {
        return true;
    }
    // setext: text, then a line of `=` or `-` alone
    lines.next().is_some_and(|under| {
        let u = under.trim();
        !u.is_empty() && (u.bytes().all(|b| b == b'=') || u.bytes().all(|b| b == b'-'))
    })
}

/// The roles read here: those that become links, ``{ref}`label` ``,
/// ``{ref}`Text <label>` ``, ``{numref}`label` `` (to a heading) and
/// ``{doc}`datei` `` (to a page), and ``{kbd}`Strg+C` ``, keys to press.
/// At `at` (the `{`): the role, the label, path or keys, the text written
/// for the link if any, and where the role ends.
pub fn link_role_at(text: &str, at: usize) -> Option<(&str, &str, Option<&str>, usize)> {
    let rest = &text[at..];
    let role = ["ref", "numref", "doc", "kbd"]
        .into_iter()
        .find(|r| rest[1..].starts_with(r) && rest[1 + r.len()..].starts_with("}`"))?;
    let inner_start = at + role.len() + 3;
    let inner_len = text[inner_start..].find('`')?;
    let inner = &text[inner_start..inner_start + inner_len];
    // a role may wrap onto the next line, as a code span may; not further
    if inner.trim().is_empty() || inner.matches('\n').count() > 1 {
        return None;
    }
    // `Text <label>`
    let (label, shown) = match inner
        .trim_end()
        .strip_suffix('>')
        .and_then(|i| i.rsplit_once('<'))
    {
        Some((shown, label)) => (label.trim(), Some(shown.trim())),
        None => (inner.trim(), None),
    };
    Some((role, label, shown, inner_start + inner_len + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_boxes_and_figures() {
        let d = directive_line("```{note}").unwrap();
        assert_eq!((d.fence, d.len, d.name.as_str()), (b'`', 3, "note"));
        assert_eq!(
            becomes(&d, &[]),
            Some(Becomes::Box {
                shortcode: "hinweis",
                title: "Hinweis".into()
            })
        );
        let d = directive_line("````{admonition} Gut zu wissen").unwrap();
        let class = [("class".to_string(), "warning".to_string())];
        assert_eq!(
            becomes(&d, &class),
            Some(Becomes::Box {
                shortcode: "achtung",
                title: "Gut zu wissen".into()
            })
        );
        assert!(closes("````", &d) && !closes("```", &d) && !closes("~~~~", &d));
        let d = directive_line("~~~{figure} bilder/plan.png").unwrap();
        assert_eq!(d.argument, "bilder/plan.png");
        assert_eq!(becomes(&d, &[]), Some(Becomes::Figure));
        let d = directive_line("```{code-cell} ipython3").unwrap();
        assert_eq!(becomes(&d, &[]), None);
        assert!(directive_line("```python").is_none());
        let cell = directive_line("```{r, echo=FALSE}").unwrap();
        assert!(is_code_cell(&cell.name) && becomes(&cell, &[]).is_none());
        assert!(directive_line("```{note, x}").is_none());
        assert!(directive_line("``{x}").is_none());
    }

    #[test]
    fn options_roles_and_targets() {
        let (o, used) = options(":alt: Lageplan\n:width: 80%\nDer Plan.\n");
        assert_eq!(o.len(), 2);
        assert_eq!(o[0], ("alt".into(), "Lageplan".into()));
        assert_eq!(used, ":alt: Lageplan\n:width: 80%\n".len());
        assert_eq!(options("Text: mit Doppelpunkt\n").1, 0);
        let t = "Siehe {ref}`antrag` und {numref}`fig-plan`.";
        assert_eq!(role_before(t, t.find('`').unwrap()), Some("ref"));
        let t = "Menge {1}`x`";
        assert_eq!(role_before(t, t.find('`').unwrap()), None);
        assert_eq!(target_line("(sec-antrag)=").as_deref(), Some("sec-antrag"));
        assert_eq!(
            target_line("(Virtuelle  Umgebungen)=").as_deref(),
            Some("Virtuelle-Umgebungen")
        );
        assert_eq!(target_line("(siehe: oben!)="), None);
        assert_eq!(target_line("(a)"), None);
        assert_eq!(target_line("( )="), None);
        assert!(target_before_heading(
            "(sec-antrag)=\n\n## Antrag stellen\n",
            0
        ));
        assert!(target_before_heading("(s)=\n\nTitel\n-----\n", 0));
        assert!(target_before_heading("(s)=\n  ### In Liste\n", 0));
        assert!(!target_before_heading("(a)=\nText\n", 0));
        assert!(!target_before_heading("(a)=\n\n    # im Code\n", 0));
        assert!(!target_before_heading("(a)=\n#######  sieben\n", 0));
        assert!(!target_before_heading("(a)=\n#hashtag\n", 0));
        let t = "Siehe {ref}`Anträge <sec-antrag>` und {doc}`../andere`.";
        let (role, label, shown, end) = link_role_at(t, 6).unwrap();
        assert_eq!((role, label, shown), ("ref", "sec-antrag", Some("Anträge")));
        assert_eq!(&t[end..end + 4], " und");
        let at = t.find("{doc}").unwrap();
        assert_eq!(link_role_at(t, at).unwrap().1, "../andere");
        assert!(link_role_at("{cite}`x`", 0).is_none());
    }
}
