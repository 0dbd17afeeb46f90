//! Images dropped on a page's text or chosen with „Bild einfügen“: saved
//! beside the page under a name the server chooses, if their first bytes
//! say PNG, JPEG, GIF or WebP. The only route that takes multipart, with
//! its own guard and body limit; everything else the editor writes is JSON.

use super::error::EditError;
use super::guard;
use super::page::{file_of, hex, json_response, own_rel_of, with_preview};
use super::state::EditState;
use crate::diagnostics::catalogue::editor::Refusal;
use axum::extract::multipart::MultipartError;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::{from_fn_with_state, Next};
use axum::response::Response;
use axum::routing::post;
use axum::Router;
use serde_json::json;
use sha2::{Digest, Sha256};
use std::path::PathBuf;
use std::sync::Arc;

pub const LIMIT_MB: usize = 10;
const LIMIT: usize = LIMIT_MB * 1024 * 1024;
/// Room for the multipart framing around the image.
const FRAMING: usize = 64 * 1024;

/// The upload route, guarded like every write (session, origin, custom
/// header) but taking multipart instead of JSON.
pub fn router(state: Arc<EditState>) -> Router<Arc<EditState>> {
    Router::new()
        .route("/_redaktion/api/pages/{id}/bilder", post(upload))
        .route_layer(DefaultBodyLimit::max(LIMIT + FRAMING))
        .route_layer(from_fn_with_state(Arc::clone(&state), guard::session))
        .route_layer(from_fn_with_state(state, multipart_write))
}

fn is_multipart(req: &Request) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|c| c.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("multipart/form-data"))
}

async fn multipart_write(
    State(s): State<Arc<EditState>>,
    req: Request,
    next: Next,
) -> Result<Response, EditError> {
    if !guard::write_allowed(req.method(), req.headers(), &s.origins) {
        return Err(EditError::new(Refusal::CrossOrigin, s.lang));
    }
    if !is_multipart(&req) {
        return Err(EditError::new(Refusal::NotImage, s.lang));
    }
    Ok(next.run(req).await)
}

/// The image formats a browser shows and that carry no script, by their
/// magic bytes, with the extension the file gets. Four signatures do not
/// need a crate that knows a hundred formats only to refuse the rest.
pub fn image_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("jpg")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("gif")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("webp")
    } else {
        None
    }
}

/// `Elterncafé im März.PNG` → `elterncafe-im-maerz-1a2b3c4d.png`: the
/// last part of the client's name only (never a folder), made a slug,
/// with a hash of the content so that another image never replaces it.
pub fn file_name(client_name: &str, bytes: &[u8], ext: &str) -> String {
    let last = client_name.rsplit(['/', '\\']).next().unwrap_or_default();
    let stem = last.rsplit_once('.').map_or(last, |(stem, _)| stem);
    let mut slug = crate::content::slug::slugify(stem);
    slug.truncate(60);
    let slug = slug.trim_end_matches('-');
    let hash = hex(&Sha256::digest(bytes)[..4]);
    match slug.is_empty() {
        true => format!("bild-{hash}.{ext}"),
        false => format!("{slug}-{hash}.{ext}"),
    }
}

fn refused(e: MultipartError, lang: crate::diagnostics::Lang) -> EditError {
    match e.status() {
        StatusCode::PAYLOAD_TOO_LARGE => {
            EditError::new(Refusal::TooLarge { limit_mb: LIMIT_MB }, lang)
        }
        _ => EditError::new(Refusal::NotImage, lang),
    }
}

/// The first file of the form, read no further than the limit.
async fn image_of(s: &EditState, form: &mut Multipart) -> Result<(String, Vec<u8>), EditError> {
    while let Some(mut field) = form.next_field().await.map_err(|e| refused(e, s.lang))? {
        let Some(name) = field.file_name().map(str::to_string) else {
            continue;
        };
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(|e| refused(e, s.lang))? {
            if bytes.len() + chunk.len() > LIMIT {
                return Err(EditError::new(
                    Refusal::TooLarge { limit_mb: LIMIT_MB },
                    s.lang,
                ));
            }
            bytes.extend_from_slice(&chunk);
        }
        return Ok((name, bytes));
    }
    Err(EditError::new(Refusal::NotImage, s.lang))
}

pub async fn upload(
    State(s): State<Arc<EditState>>,
    Path(id): Path<String>,
    mut form: Multipart,
) -> Result<Response, EditError> {
    let (client_name, bytes) = image_of(&s, &mut form).await?;
    let ext = image_kind(&bytes).ok_or_else(|| EditError::new(Refusal::NotImage, s.lang))?;
    let name = file_name(&client_name, &bytes, ext);
    let answer = with_preview(&s, move |preview, s| {
        let _one_at_a_time = s.write_lock()?;
        let rel = own_rel_of(preview, s, &id)?;
        // the page's own file, checked to lie inside the handbook folder
        // with no symlink on the way: its folder is where the image goes
        let page = file_of(s, &rel)?;
        let dir = page
            .parent()
            .ok_or_else(|| EditError::new(Refusal::NoPage, s.lang))?;
        let file = dir.join(&name);
        let new = write_new(&file, &bytes).map_err(|e| EditError::internal(s.lang, e))?;
        if new {
            let beside = rel.parent().unwrap_or(std::path::Path::new(""));
            s.uploads.add(beside.join(&name), rel.clone());
        }
        // known to the site before the answer, so that the figure the page
        // inserts next resolves at once, not once the watcher catches up;
        // a handbook broken elsewhere is the watcher's to report
        let _ = preview.apply(&[file]);
        Ok(json!({ "src": name }))
    })
    .await?;
    s.app.publish();
    Ok(json_response(answer))
}

/// The files beside the page `page` (root-relative) that its `text`
/// names, Markdown aside: the images uploaded for it, which go into the
/// save's commit with the page. Uploaded, they are only written; committed
/// without them, the page would name a file that a fresh clone of the
/// handbook lacks, and its build would fail there.
pub fn named_beside(
    root: &std::path::Path,
    page: &std::path::Path,
    text: &str,
) -> Vec<std::path::PathBuf> {
    let Some(dir) = page.parent() else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
        return Vec::new();
    };
    let mut found: Vec<std::path::PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| !name.starts_with('.') && !name.ends_with(".md"))
        // as a link target of the page's own folder: `(name)`, `(./name)`,
        // `"name"`, `<name>`, not `bilder/name` or `https://…/name`
        .filter(|name| {
            text.match_indices(name.as_str()).any(|(i, _)| {
                let before = text[..i].strip_suffix("./").unwrap_or(&text[..i]);
                let after = &text[i + name.len()..];
                before.ends_with(['(', '"', '\'', '<'])
                    && (after.is_empty() || after.starts_with([')', '"', '\'', '>', ' ', '#', '?']))
            })
        })
        .map(|name| dir.join(name))
        .collect();
    found.sort();
    found
}

/// Images uploaded for a page since it was last saved (root-relative
/// file, page). An image dropped on the text and taken out again, or
/// left in a draft that is discarded, would otherwise stay beside the
/// page and be published with it: a photo of people put there by mistake
/// goes online.
#[derive(Default)]
pub struct Pending(std::sync::Mutex<Vec<(PathBuf, PathBuf)>>);

impl Pending {
    fn add(&self, file: PathBuf, page: PathBuf) {
        if let Ok(mut list) = self.0.lock() {
            if !list.iter().any(|(f, _)| *f == file) {
                list.push((file, page));
            }
        }
    }

    /// The images uploaded for `page`, no longer pending.
    fn take(&self, page: &std::path::Path) -> Vec<PathBuf> {
        let Ok(mut list) = self.0.lock() else {
            return Vec::new();
        };
        let (mine, rest) = list.drain(..).partition(|(_, p)| p == page);
        *list = rest;
        mine.into_iter().map(|(f, _)| f).collect()
    }
}

/// Once `page` is saved as `text`, or its draft discarded (`text`: the
/// file as it stays): the images uploaded for it that `text` does not
/// show and no page links are removed again. Returns them, root-relative.
pub fn settle(
    s: &EditState,
    preview: &mut super::super::Preview,
    page: &std::path::Path,
    text: &str,
) -> Vec<PathBuf> {
    let uploaded = s.uploads.take(page);
    if uploaded.is_empty() {
        return Vec::new();
    }
    let shown = named_beside(&s.root, page, text);
    let dropped: Vec<PathBuf> = uploaded
        .into_iter()
        .filter(|f| !shown.contains(f))
        .collect();
    let removed = remove_unless_linked(s, preview, page, dropped);
    refresh(preview, &removed);
    removed
}

/// A deleted page's files beside it that its `text` showed and no other
/// page links: removed with it. Returns them, root-relative.
pub fn remove_unlinked(
    s: &EditState,
    preview: &mut super::super::Preview,
    page: &std::path::Path,
    text: &str,
) -> Vec<PathBuf> {
    let _ = s.uploads.take(page);
    let shown = named_beside(&s.root, page, text);
    remove_unless_linked(s, preview, page, shown)
}

fn remove_unless_linked(
    s: &EditState,
    preview: &mut super::super::Preview,
    page: &std::path::Path,
    files: Vec<PathBuf>,
) -> Vec<PathBuf> {
    let linked = linked_files(preview, page);
    files
        .into_iter()
        .filter(|f| !linked.iter().any(|l| f.ends_with(l)))
        .filter(|f| std::fs::remove_file(s.root.join(f)).is_ok())
        .collect()
}

/// The preview learns of removed files at once, not when the watcher
/// catches up.
fn refresh(preview: &mut super::super::Preview, removed: &[PathBuf]) {
    if !removed.is_empty() {
        let root = preview.options().root.clone();
        let gone: Vec<PathBuf> = removed.iter().map(|f| root.join(f)).collect();
        let _ = preview.apply(&gone);
    }
}

/// POST pages/{id}/verwerfen: the browser's draft of the page is
/// discarded; the images uploaded for it go, unless the page as saved
/// shows them.
pub async fn discard(
    State(s): State<Arc<EditState>>,
    Path(id): Path<String>,
) -> Result<Response, EditError> {
    let answer = with_preview(&s, move |preview, s| {
        let _one_at_a_time = s.write_lock()?;
        let rel = own_rel_of(preview, s, &id)?;
        let text = std::fs::read_to_string(file_of(s, &rel)?).unwrap_or_default();
        let removed = settle(s, preview, &rel, &text);
        Ok(json!({ "removed": removed.len() }))
    })
    .await?;
    s.app.publish();
    Ok(json_response(answer))
}

/// The content paths of the files beside the pages that pages other than
/// `page` link (the site may still hold `page` as it was before the save).
fn linked_files(preview: &mut super::super::Preview, page: &std::path::Path) -> Vec<PathBuf> {
    let Some((site, _, _)) = preview.parts() else {
        return Vec::new();
    };
    let pages = site.content.pages.iter().zip(&site.resolved.links);
    let others = pages.filter(|(p, _)| p.source.rel_path != page);
    others
        .flat_map(|(_, links)| links)
        .filter_map(|t| match t {
            crate::links::LinkTarget::Asset(p) => Some(p.clone()),
            _ => None,
        })
        .collect()
}

/// Written to a hidden temporary file and renamed to `name` without
/// replacing anything: the same image twice is the same file (the name
/// holds its hash), a different file of that name is left alone. `true`
/// when this wrote it.
fn write_new(target: &std::path::Path, bytes: &[u8]) -> std::io::Result<bool> {
    use super::paths::{write_via_temp, Existing};
    if let Ok(meta) = std::fs::symlink_metadata(target) {
        return match meta.file_type().is_file() && std::fs::read(target)? == bytes {
            true => Ok(false),
            false => Err(std::io::Error::other(format!(
                "{} exists with other content",
                target.display()
            ))),
        };
    }
    write_via_temp(target, bytes, ".tmp", None, Existing::Keep)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_four_image_kinds_by_their_first_bytes() {
        assert_eq!(image_kind(b"\x89PNG\r\n\x1a\nrest"), Some("png"));
        assert_eq!(image_kind(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("jpg"));
        assert_eq!(image_kind(b"GIF89a..."), Some("gif"));
        assert_eq!(image_kind(b"RIFF\0\0\0\0WEBPVP8 "), Some("webp"));
        assert_eq!(
            image_kind(b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
            None
        );
        assert_eq!(image_kind(b"<!doctype html>"), None);
        assert_eq!(image_kind(b""), None);
    }

    #[test]
    fn the_files_a_page_shows_are_those_its_links_name() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("content/konzepte");
        std::fs::create_dir_all(&dir).unwrap();
        for f in ["a.png", "b.png", "c.png", "d.png", "seite.md"] {
            std::fs::write(dir.join(f), b"x").unwrap();
        }
        let text = "![A](a.png) ![C](./c.png \"Titel\")\nhttps://example.org/b.png, bilder/d.png\n";
        let page = std::path::Path::new("content/konzepte/seite.md");
        let names: Vec<_> = named_beside(root.path(), page, text)
            .into_iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.png", "c.png"]);
    }

    #[test]
    fn names_come_from_the_server() {
        let n = file_name("../../etc/Elterncafé im März.PNG", b"x", "png");
        assert!(
            n.starts_with("elterncafe-im-maerz-") && n.ends_with(".png"),
            "{n}"
        );
        assert!(!n.contains('/') && !n.contains(".."), "{n}");
        let n = file_name("C:\\Users\\x\\..\\.git", b"x", "gif");
        assert!(n.starts_with("git-") || n.starts_with("bild-"), "{n}");
        assert!(file_name("", b"x", "jpg").starts_with("bild-"));
        assert_ne!(
            file_name("a.png", b"x", "png"),
            file_name("a.png", b"y", "png")
        );
    }
}
