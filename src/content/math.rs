//! Formulas in TeX notation, `$…$` in a sentence and `$$…$$` on lines of
//! their own, as Jupyter Book, Quarto, MkDocs (arithmatex), Docusaurus and
//! GitHub write them. They become MathML, which browsers draw themselves
//! (Chromium from 109, Firefox, Safari) and screen readers read out: no
//! script, no web font, nothing fetched (pulldown-latex does the reading).

use pulldown_latex::config::{DisplayMode, RenderConfig};
use pulldown_latex::{push_mathml, Parser, Storage};
use regex::Regex;
use std::sync::LazyLock;

/// Whether the page `body` writes formulas: a `$$` or a `$…$` with a TeX
/// command (`\frac`) or a braced index (`^{2}`, `_{i}`) in it. Only such a
/// page reads `$` as the start of a formula; `$HOME/bin:$PATH` and
/// `$5-$10` are text everywhere else.
pub fn has_formulas(body: &str) -> bool {
    static TEX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\$\$|\$[^$\n]*(\\[A-Za-z]+|[\^_]\{)[^$\n]*\$").expect("valid pattern")
    });
    memchr::memchr(b'$', body.as_bytes()).is_some() && TEX.is_match(body)
}

/// Whether `$…$` in a sentence is prose between two dollar amounts
/// (`$5 bis $10 pro Person, oder 5$`) rather than a formula: words and
/// spaces without a sign of TeX. Such text stays as it is written.
pub fn is_prose(tex: &str) -> bool {
    let tex_sign = |c: char| "\\^_=+-*/<>{}|".contains(c);
    tex.contains(char::is_whitespace) && !tex.contains(tex_sign)
}

/// The formula `tex` as MathML, with its source as annotation (copying it
/// copies the TeX); `Err` with what is wrong when it cannot be read.
pub fn to_mathml(tex: &str, display: bool) -> Result<String, String> {
    let storage = Storage::new();
    let read = understood(tex);
    let events: Vec<_> = Parser::new(&read, &storage).collect();
    if let Some(Err(e)) = events.iter().find(|e| e.is_err()) {
        // the library's words: the kind of mistake, then its context lines
        let text = e.to_string();
        let first = text.lines().next().unwrap_or_default();
        let kind = first.trim_start_matches("parsing error: ");
        // which command it does not know: its context shows the whole
        // formula, so each command is tried alone
        if kind == UNKNOWN {
            if let Some(command) = unknown_command(&read) {
                return Err(format!("unknown command `{command}`"));
            }
        }
        return Err(kind.to_string());
    }
    // the library writes the annotation as it gets it: escaped here, or
    // `</annotation><img onerror=…>` in a formula would be HTML
    let mut source = String::new();
    pulldown_cmark_escape::escape_html(&mut source, tex.trim()).map_err(|e| e.to_string())?;
    let config = RenderConfig {
        display_mode: match display {
            true => DisplayMode::Block,
            false => DisplayMode::Inline,
        },
        annotation: Some(&source),
        ..RenderConfig::default()
    };
    let mut out = String::new();
    push_mathml(&mut out, events.into_iter(), config).map_err(|e| e.to_string())?;
    // pulldown-latex 0.8 writes a relation's `<` as it is (`<mo><</mo>`)
    static BARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(<m[a-z]+(?: [^<>]*)?>)([<>&])(</m[a-z]+>)").expect("valid pattern")
    });
    let out = BARE.replace_all(&out, |c: &regex::Captures| {
        let entity = match &c[2] {
            "<" => "&lt;",
            ">" => "&gt;",
            _ => "&amp;",
        };
        format!("{}{entity}{}", &c[1], &c[3])
    });
    // it goes into the page after the sanitiser: nothing but MathML may
    if !only_mathml(&out) {
        return Err("HTML in the formula".into());
    }
    Ok(out.into_owned())
}

/// `tex` with what pulldown-latex 0.8 does not read written as what it
/// does: `\boxed{x}` as `{x}` (the frame is lost, the formula stays),
/// `\tag{1}` as the number after a space, as an equation's number.
fn understood(tex: &str) -> std::borrow::Cow<'_, str> {
    static UNREAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\\boxed\b\s*|\\tag(\*?)\s*\{([^{}]*)\}").expect("valid pattern")
    });
    if !tex.contains("\\boxed") && !tex.contains("\\tag") {
        return std::borrow::Cow::Borrowed(tex);
    }
    UNREAD.replace_all(tex, |c: &regex::Captures| match c.get(2) {
        None => String::new(),
        Some(number) if c[1].is_empty() => format!("\\qquad ({})", number.as_str()),
        Some(number) => format!("\\qquad {}", number.as_str()),
    })
}

/// pulldown-latex's words for a command it does not know.
const UNKNOWN: &str = "unknown primitive command found";

/// The first command of `tex` (`\\foo`) that pulldown-latex does not
/// know, parsed alone.
fn unknown_command(tex: &str) -> Option<&str> {
    static COMMAND: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\\[A-Za-z]+").expect("valid pattern"));
    COMMAND.find_iter(tex).map(|m| m.as_str()).find(|command| {
        let storage = Storage::new();
        Parser::new(command, &storage).any(|e| e.is_err_and(|e| e.to_string().contains(UNKNOWN)))
    })
}

/// Whether every tag of `markup` is one of MathML's, without an event
/// handler or address among its attributes.
fn only_mathml(markup: &str) -> bool {
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>").expect("valid pattern")
    });
    const MATHML: [&str; 31] = [
        "math",
        "semantics",
        "annotation",
        "mrow",
        "mi",
        "mn",
        "mo",
        "ms",
        "mtext",
        "mspace",
        "msub",
        "msup",
        "msubsup",
        "mfrac",
        "msqrt",
        "mroot",
        "mstyle",
        "merror",
        "mpadded",
        "mphantom",
        "menclose",
        "munder",
        "mover",
        "munderover",
        "mtable",
        "mtr",
        "mtd",
        "mmultiscripts",
        "mprescripts",
        "none",
        "mlabeledtr",
    ];
    static RISKY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s(on[a-z]+|href|src|style|xlink:href)\s*=").expect("valid pattern")
    });
    let tags_fine = TAG
        .captures_iter(markup)
        .all(|c| MATHML.contains(&&c[2]) && !RISKY.is_match(&c[3]));
    // a `<` outside a tag would be one the browser reads
    tags_fine
        && TAG
            .replace_all(markup, "")
            .chars()
            .all(|c| c != '<' && c != '>')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_mathml_and_mistakes_are_named() {
        let m = to_mathml(r"\frac{TP}{TP + FP}", false).unwrap();
        assert!(m.starts_with("<math"), "{m}");
        assert!(m.contains("<mfrac>"), "{m}");
        assert!(m.contains(r"\frac{TP}{TP + FP}</annotation>"), "{m}");
        let block = to_mathml(r"\sum_{i=1}^{n} w_i^2", true).unwrap();
        assert!(block.contains("display=\"block\""), "{block}");
        let err = to_mathml(r"\frac{a}{b", false).unwrap_err();
        // no HTML gets through, neither in the source kept nor in the text
        assert!(to_mathml("a<b", false).unwrap().contains("<mo>&lt;</mo>"));
        for hostile in [
            r"x</annotation></semantics></math><img src=x onerror=alert(1)>",
            r"a<b",
            r"\text{<b>x</b>}",
        ] {
            if let Ok(m) = to_mathml(hostile, false) {
                assert!(!m.contains("<img") && !m.contains("<b>"), "{m}");
            }
        }
        assert!(has_formulas("Der Fehler $\\frac{1}{n}$.") && has_formulas("$$\nx\n$$"));
        assert!(has_formulas("$x^{2}$"));
        assert!(!has_formulas(
            "Shell: $HOME/bin:$PATH und $USER, Preis $5-$10."
        ));
        assert!(is_prose("10 pro Person, oder 5"));
        assert!(!is_prose("a + b") && !is_prose("n") && !is_prose(r"\alpha"));
        assert!(err.contains("unbalanced group"), "{err}");
    }

    #[test]
    fn boxes_and_equation_numbers_are_read_and_an_unknown_command_is_named() {
        let boxed = to_mathml("\\boxed{E = mc^2}", true).unwrap();
        assert!(boxed.contains("<mi>E</mi>"), "{boxed}");
        let tagged = to_mathml("a = b \\tag{3}", true).unwrap();
        assert!(tagged.contains("<mn>3</mn>"), "{tagged}");
        assert_eq!(
            to_mathml("x \\foo y", false),
            Err("unknown command `\\foo`".to_string())
        );
    }
}
