//! What a fenced code block's info string says besides its code: the
//! language for the class (`js{2}` and `{r, echo=FALSE}` name `js` and
//! `r`), and the file it shows (`js [vite.config.js]`, `js title="…"`);
//! and the lines of Rust code that mdBook and rustdoc hide.

/// The language a code fence's info string names: its leading word of
/// letters, digits and `+ # . _ -`, inside braces for Quarto's and
/// R Markdown's cells (`{r, echo=FALSE}` is R).
pub(super) fn code_language(info: &str) -> &str {
    let is_lang = |c: char| c.is_alphanumeric() || matches!(c, '+' | '#' | '.' | '_' | '-');
    let word = |s: &'_ str| s.find(|c: char| !is_lang(c)).unwrap_or(s.len());
    match info.strip_prefix('{') {
        // a MyST directive (`{code-cell}`) names no language
        Some(cell) => match &cell[..word(cell)] {
            lang if crate::content::myst::is_code_cell(lang) => lang,
            _ => "",
        },
        None => &info[..word(info)],
    }
}

/// A code block's title in its info string: `[datei.js]` or `title="datei.js"`.
pub(super) fn code_title(info: &str) -> Option<&str> {
    let rest = info.get(info.find([' ', '['])?..)?.trim_start();
    let title = match rest.strip_prefix('[') {
        Some(bracketed) => bracketed.split_once(']')?.0,
        None => {
            // `title=`, not `subtitle=`
            let at = rest
                .match_indices("title=")
                .find(|(i, _)| *i == 0 || rest.as_bytes()[i - 1] == b' ')?
                .0
                + "title=".len();
            let value = &rest[at..];
            let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            value[1..].split(quote).next()?
        }
    };
    Some(title.trim()).filter(|t| !t.is_empty())
}

/// Rust code without the lines mdBook and rustdoc hide (`# fn main() {`,
/// a lone `#`, which make the example compile); `##` shows one `#`, and
/// `#[derive]` or `#![…]` stay, as there.
pub(super) fn without_hidden_lines(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    for line in code.split_inclusive('\n') {
        let body = line.trim_start();
        let indent = &line[..line.len() - body.len()];
        let content = body.trim_end_matches(['\n', '\r']);
        if content == "#" || content.starts_with("# ") {
            continue;
        }
        match body.strip_prefix("##") {
            Some(rest) => {
                out.push_str(indent);
                out.push('#');
                out.push_str(rest);
            }
            None => out.push_str(line),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_alone_and_the_file_shown() {
        assert_eq!(code_language("js{2}"), "js");
        assert_eq!(code_language("ts:line-numbers"), "ts");
        assert_eq!(code_language("{r, echo=FALSE}"), "r");
        assert_eq!(code_language("{code-cell} ipython3"), "");
        assert_eq!(code_language("rust,ignore"), "rust");
        assert_eq!(code_title("js [vite.config.js]"), Some("vite.config.js"));
        assert_eq!(
            code_title("js title=\"docusaurus.config.js\""),
            Some("docusaurus.config.js")
        );
        assert_eq!(code_title("bash subtitle=\"x\""), None);
        assert_eq!(code_title("python title"), None);
        assert_eq!(code_title("js"), None);
    }

    #[test]
    fn rust_lines_that_mdbook_hides_are_hidden() {
        let code = "# #![allow(unused)]\n#[derive(Debug)]\n# fn main() {\nlet x = 1;\n    ## kein Kommentar\n#\n# }\n";
        assert_eq!(
            without_hidden_lines(code),
            "#[derive(Debug)]\nlet x = 1;\n    # kein Kommentar\n"
        );
    }
}
