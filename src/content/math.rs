//! Formulas in TeX notation, `$…$` in a sentence and `$$…$$` on lines of
//! their own, as Jupyter Book, Quarto, MkDocs (arithmatex), Docusaurus and
//! GitHub write them. They become MathML, which browsers draw themselves
//! (Chromium from 109, Firefox, Safari) and screen readers read out: no
//! script, no web font, nothing fetched (pulldown-latex does the reading).

use pulldown_latex::config::{DisplayMode, RenderConfig};
use pulldown_latex::{push_mathml, Parser, Storage};

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
    let events: Vec<_> = Parser::new(tex, &storage).collect();
    if let Some(Err(e)) = events.iter().find(|e| e.is_err()) {
        // the library's words: the kind of mistake, then its context lines
        let text = e.to_string();
        let first = text.lines().next().unwrap_or_default();
        return Err(first.trim_start_matches("parsing error: ").to_string());
    }
    let config = RenderConfig {
        display_mode: match display {
            true => DisplayMode::Block,
            false => DisplayMode::Inline,
        },
        annotation: Some(tex.trim()),
        ..RenderConfig::default()
    };
    let mut out = String::new();
    push_mathml(&mut out, events.into_iter(), config).map_err(|e| e.to_string())?;
    Ok(out)
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
        assert!(is_prose("10 pro Person, oder 5"));
        assert!(!is_prose("a + b") && !is_prose("n") && !is_prose(r"\alpha"));
        assert!(err.contains("unbalanced group"), "{err}");
    }
}
