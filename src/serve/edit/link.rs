//! The Markdown link from one page to another, as the toolbar's picker
//! inserts it: relative from the page's file to the target's file, worked
//! out here from both pages' places in the content, so that the browser
//! never sends nor composes a path.

use super::error::EditError;
use super::page::{json_response, page_id, with_preview};
use super::state::EditState;
use crate::diagnostics::catalogue::editor::Refusal;
use crate::links::target::relative_path;
use axum::extract::{Path, State};
use axum::response::Response;
use serde_json::json;
use std::sync::Arc;

/// A destination CommonMark reads whole: in `<…>` when it has spaces or
/// brackets (a file named `Hilfe (alt).md`).
pub fn destination(path: &str) -> String {
    match path.contains([' ', '(', ')', '<', '>']) {
        true => format!("<{}>", path.replace('<', "%3C").replace('>', "%3E")),
        false => path.to_string(),
    }
}

pub async fn link(
    State(s): State<Arc<EditState>>,
    Path((id, target)): Path<(String, String)>,
) -> Result<Response, EditError> {
    let answer = with_preview(&s, move |preview, s| {
        let no_page = || EditError::new(Refusal::NoPage, s.lang);
        let (site, _, _) = preview.parts().ok_or_else(no_page)?;
        let find = |id: &str| {
            site.content
                .pages
                .iter()
                .filter(|p| !p.synthetic)
                .find(|p| page_id(&p.source.rel_path) == id)
        };
        let (from, to) = (
            find(&id).ok_or_else(no_page)?,
            find(&target).ok_or_else(no_page)?,
        );
        let path = relative_path(&from.content_dir(), &to.content_path);
        Ok(json!({ "link": destination(&path), "title": to.title }))
    })
    .await?;
    Ok(json_response(answer))
}

#[cfg(test)]
mod tests {
    use super::destination;

    #[test]
    fn destinations_with_spaces_are_bracketed() {
        assert_eq!(
            destination("../regionen/borken.md"),
            "../regionen/borken.md"
        );
        assert_eq!(destination("Hilfe (alt).md"), "<Hilfe (alt).md>");
    }
}
