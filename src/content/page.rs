use super::model::{KindMeta, PageKind};
use super::source::SourceText;
use super::sourcemap::Expanded;
use crate::diagnostics::Span;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Index of a page in [`super::Site::pages`].
pub type PageId = usize;

/// The weight of a page that names none: after every weighted sibling,
/// as Hugo, Docusaurus, Just the Docs and Starlight order them, so a
/// handbook whose chapters are partly weighted keeps its order here.
pub const UNWEIGHTED: f64 = f64::INFINITY;

/// One page: what it is (kind and typed front matter), where it came from
/// (source text for diagnostics) and where it goes (URL).
#[derive(Debug, Clone)]
pub struct Page {
    pub kind: PageKind,
    pub meta: KindMeta,
    pub title: String,
    pub slug: String,
    pub description: Option<String>,
    /// Order among siblings; a fraction (Hugo's `weight: 1.5`) sorts
    /// between; [`UNWEIGHTED`] when no weight is given.
    pub weight: f64,
    /// The address `permalink:`/`url:` gave the page, instead of its folder's.
    pub url_override: Option<String>,
    /// Addresses the page had before (`aliases:`, Jekyll's
    /// `redirect_from:`), as written, each with its place: the build
    /// leaves a page there that sends the reader on.
    pub aliases: Vec<(String, Span)>,
    /// The level of the body's heading that is the title, which the
    /// template prints: the first heading of that level is then left out of
    /// the body. `Some(1)` for a `# Titel` that repeats the title; a lower
    /// level when a page without one took its title from its first heading
    /// (lernOS' `## Titel`).
    pub title_heading: Option<u8>,
    pub template: Option<String>,
    pub draft: bool,
    pub in_menu: bool,
    /// The shorter name the main menu and the breadcrumbs show, where
    /// the page gives one (Hugo's `linkTitle:`, Docusaurus'
    /// `sidebar_label:`).
    pub menu_title: Option<String>,
    /// The part of the book that begins with this page, as its list
    /// names it (mdBook's `# Teil I` in `SUMMARY.md`, Jupyter Book's
    /// `caption:`, a `{toctree}`'s `:caption:`): a heading in the menu.
    pub menu_part: Option<String>,
    /// Front-matter keys the schema does not know, for templates.
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// Path relative to the content folder it was found in, with `/`:
    /// `regionen/kreis-borken.md`. Links and edition overlays use it.
    pub content_path: PathBuf,
    pub source: SourceText,
    pub body_start: usize,
    pub is_section_index: bool,
    /// The folder a page beside it is the page of (`konzepte.md` beside
    /// `konzepte/`, as Just the Docs and Jekyll write a parent page): it
    /// stays where its file is for its links, and is the folder's page.
    pub owns_folder: Option<PathBuf>,
    /// The folder a book's list puts it in, where that is not its file's
    /// (mdBook's sub-chapter in the same folder as its chapter, a Jupyter
    /// Book's chapters in one folder): its address and its place in the
    /// menu follow the list, its links still its file.
    pub book_folder: Option<PathBuf>,
    /// Its slug keeps its file name's number, which tells it apart from a
    /// page of the same name in its folder (`3_test.md`, `4_test.md`);
    /// given up again when the other is gone.
    pub kept_number: bool,
    /// Created for a folder without `_index.md`.
    pub synthetic: bool,
    /// Site-relative URL with leading and trailing slash (no base path).
    pub url: String,
    pub headings: Vec<Heading>,
    /// Anchors set in raw HTML (`<a name="…">`, `id="…"`).
    pub html_anchors: Vec<String>,
    /// Table captions with an id (`: Text {#tbl-x}`): anchors too, and
    /// what Quarto's `@tbl-x` links to.
    pub captions: Vec<super::table_caption::Caption>,
    pub links: Vec<LinkSite>,
    pub refs: Vec<RefSite>,
    /// Plain text by heading, for search and descriptions.
    pub text_sections: Vec<TextSection>,
    /// The body after shortcode expansion, when it had calls.
    pub expanded: Option<Arc<Expanded>>,
}

impl Page {
    /// The Markdown to render: expanded if it had shortcodes.
    pub fn body(&self) -> &str {
        match &self.expanded {
            Some(e) => &e.text,
            None => self.raw_body(),
        }
    }

    /// The Markdown as written.
    pub fn raw_body(&self) -> &str {
        &self.source.text[self.body_start..]
    }

    pub fn file_span(&self) -> Span {
        Span::file_start(self.source.rel_path.clone())
    }

    /// The name a front-matter reference gives the page (`related:
    /// [elterncafe]`): its slug, and for a section's own page (`_index.md`,
    /// a book's `kurs/kurs.md`) the last part of its address (`regionen`,
    /// `kurs`). Empty for the start page.
    pub fn reference_name(&self) -> &str {
        if self.is_section_index {
            self.url.trim_matches('/').rsplit('/').next().unwrap_or("")
        } else {
            &self.slug
        }
    }

    /// The folder this page lives in, relative to its content folder.
    pub fn content_dir(&self) -> PathBuf {
        self.folder().to_path_buf()
    }

    /// The folder whose page this is, for a section's own page: its file's
    /// folder, or the one it stands beside ([`Self::owns_folder`]).
    pub fn section_dir(&self) -> &Path {
        self.owns_folder.as_deref().unwrap_or(self.listed_in())
    }

    /// The section it is listed in: its file's folder, or the one its
    /// book puts it in ([`Self::book_folder`]).
    pub fn listed_in(&self) -> &Path {
        self.book_folder.as_deref().unwrap_or(self.folder())
    }

    /// [`Self::content_dir`], borrowed: for lookups over every page, which
    /// need not allocate a path each.
    pub fn folder(&self) -> &Path {
        self.content_path.parent().unwrap_or(Path::new(""))
    }

    pub fn anchor_exists(&self, anchor: &str) -> bool {
        self.headings.iter().any(|h| h.id == anchor)
            || self.html_anchors.iter().any(|a| a == anchor)
            || self
                .captions
                .iter()
                .any(|c| c.id.as_deref() == Some(anchor))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    pub id: String,
}

/// A link in the Markdown body, as written.
#[derive(Debug, Clone)]
pub struct LinkSite {
    pub dest: String,
    pub span: Span,
    pub is_image: bool,
    /// Content folder a relative link starts from when it is not the page's
    /// own (a link written in an included snippet).
    pub base_dir: Option<PathBuf>,
    /// A `src` or `href` in raw HTML ([`super::html_urls`]), not Markdown.
    pub in_html: bool,
}

impl LinkSite {
    /// The content path a link within the handbook names, as written
    /// (`bilder/plan.png` from `kapitel/`, `/bilder/plan.png` from the
    /// root), without resolving it to a page or file.
    pub fn content_target(&self, page: &Page) -> Option<PathBuf> {
        use super::link_dest::{classify, normalise, Dest};
        match classify(&self.dest) {
            Dest::Relative { path, .. } => {
                let base = self.base_dir.as_deref().unwrap_or(page.folder());
                normalise(base, &path)
            }
            Dest::SiteAbsolute { path, .. } => {
                let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
                normalise(Path::new(""), &decoded)
            }
            Dest::External | Dest::SamePage(_) => None,
        }
    }
}

/// One item of a front-matter reference list (`concepts: [elterncafe]`).
#[derive(Debug, Clone)]
pub struct RefSite {
    pub field: String,
    pub target: String,
    pub span: Span,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct TextSection {
    /// Anchor of the heading that opens this part; `None` before the first heading.
    pub anchor: Option<String>,
    pub heading: String,
    pub text: String,
}
