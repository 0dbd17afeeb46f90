//! MkDocs' snippets (pymdownx.snippets): a line `--8<-- "datei.md"` stands
//! for that file's text. Its path is read from the top of the book, where
//! MkDocs' `base_path` usually points (the docs folder), and the file is
//! included as MyST's `{include}` includes one: expanded in turn, a
//! missing one named at the line. Left alone the line stood as text and
//! the included text was missing, without a word.

use super::syntax::{Arg, Call};

use crate::content::mkdocs::{snippet_path, SCISSORS};

/// Whether a snippet line starts at `at` (a line's start, unindented).
pub(super) fn opens_at(text: &str, at: usize) -> bool {
    text[at..].starts_with(SCISSORS) && call_at(text, at).is_some()
}

/// The include the line at `at` stands for.
pub(super) fn call_at(text: &str, at: usize) -> Option<Call> {
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
    let path = snippet_path(text[at..line_end].trim_end())?;
    Some(Call {
        name: super::myst::INCLUDE.to_string(),
        args: vec![Arg::text("path", format!("/{path}"))],
        range: at..line_end,
        body: None,
        indent: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snippet_line_is_an_include_from_the_top_of_the_book() {
        let text = "Text.\n\n--8<-- \"includes/abkuerzungen.md\"\n\nMehr.\n";
        let at = text.find("--8<--").unwrap();
        let call = call_at(text, at).unwrap();
        assert_eq!(
            call.arg("path").unwrap().as_text(),
            "/includes/abkuerzungen.md"
        );
        assert_eq!(
            &text[call.range.clone()],
            "--8<-- \"includes/abkuerzungen.md\"\n"
        );
        for none in [
            "--8<--\n",
            "--8<-- datei.md\n",
            "--8<-- \"a.md\" und mehr\n",
            "--8<-- \"https://x/y.md\"\n",
        ] {
            assert!(call_at(none, 0).is_none(), "{none}");
        }
    }
}
