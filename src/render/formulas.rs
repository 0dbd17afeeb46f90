//! Formulas in the rendered page. Their MathML is ours, not the page's
//! raw HTML, so the sanitiser must not see it: the Markdown pass leaves a
//! mark where each goes, and the MathML comes in after sanitising.

use pulldown_cmark_escape::escape_html;

/// Where a formula goes until the HTML is sanitised: characters of
/// Unicode's private use area, which no text of a page holds.
const FORMULA_OPEN: char = '\u{E000}';
const FORMULA_CLOSE: char = '\u{E001}';

/// A formula as MathML (`$$…$$` stands inside its paragraph, and
/// `display="block"` sets it apart); one that cannot be read (the load
/// stage said so) as its TeX, marked as code.
pub(super) fn mathml(tex: &str, display: bool) -> String {
    match crate::content::math::to_mathml(tex, display) {
        Ok(mathml) => mathml,
        Err(_) => {
            let mut code = String::from("<code class=\"math-source\">");
            escape_html(&mut code, tex).expect("writing to a String");
            code + "</code>"
        }
    }
}

/// `html` with each formula's mark replaced by its MathML.
pub(super) fn put_in(html: &str, formulas: &[String]) -> String {
    let mut out =
        String::with_capacity(html.len() + formulas.iter().map(String::len).sum::<usize>());
    let mut rest = html;
    while let Some(open) = rest.find(FORMULA_OPEN) {
        out.push_str(&rest[..open]);
        let after = &rest[open + FORMULA_OPEN.len_utf8()..];
        let number = after.find(FORMULA_CLOSE).and_then(|close| {
            let n: usize = after[..close].parse().ok()?;
            Some((formulas.get(n)?, close))
        });
        match number {
            Some((mathml, close)) => {
                out.push_str(mathml);
                rest = &after[close + FORMULA_CLOSE.len_utf8()..];
            }
            None => {
                out.push(FORMULA_OPEN);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The mark of the formula numbered `n`.
pub(super) fn mark(n: usize) -> String {
    format!("{FORMULA_OPEN}{n}{FORMULA_CLOSE}")
}
