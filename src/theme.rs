//! Themes: Tera templates, UI strings and static assets. The default theme
//! is compiled into the binary (include_dir), so a folder with only
//! `handbook.yaml` and `content/` builds; files on disk override it file by
//! file, in lookup order (an edition's theme first, then the handbook's).

use crate::diagnostics::yaml::position_of;
use crate::diagnostics::{relative_to, Diagnostic, Diagnostics, Problem, Span, YamlFile};
use include_dir::{include_dir, Dir};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A theme file, from disk or from the binary.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    /// Shown in diagnostics: `themes/default/templates/page.html`.
    pub display: PathBuf,
    pub bytes: std::borrow::Cow<'static, [u8]>,
}

#[derive(Debug, Clone, Default)]
pub struct ThemeFiles {
    /// Template name (`page.html`, `partials/nav.html`) → file.
    pub templates: BTreeMap<String, ThemeFile>,
    /// Output path below the site (`static/style.css`) → file.
    pub statics: BTreeMap<String, ThemeFile>,
    /// Shortcode templates (`hinweis.html`), from `shortcodes/`.
    pub shortcodes: BTreeMap<String, ThemeFile>,
    /// UI strings (`strings.yaml`), merged from all layers.
    pub strings: BTreeMap<String, String>,
}

impl ThemeFiles {
    /// A UI string of `strings.yaml`.
    pub fn string(&self, key: &str) -> Option<&str> {
        self.strings.get(key).map(String::as_str)
    }
}

/// Collects theme files from the embedded default theme, then from each
/// directory in `dirs` (lowest priority first), later ones overriding.
pub fn collect(root: &Path, dirs: &[PathBuf], diags: &mut Diagnostics) -> ThemeFiles {
    let mut files = ThemeFiles::default();
    let mut strings_sources: Vec<ThemeFile> = Vec::new();
    collect_embedded(&DEFAULT_THEME, &mut files, &mut strings_sources);
    for dir in dirs {
        if !dir.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
        {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    diags.push(Diagnostic::error(
                        Problem::Io(e.to_string()),
                        Span::file_start(relative_to(root, e.path().unwrap_or(dir))),
                    ));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            let rel_str = rel.to_string_lossy().replace('\\', "/");
            let bytes = match std::fs::read(entry.path()) {
                Ok(b) => b,
                Err(e) => {
                    diags.push(Diagnostic::error(
                        Problem::Io(e.to_string()),
                        Span::file_start(relative_to(root, entry.path())),
                    ));
                    continue;
                }
            };
            let file = ThemeFile {
                display: relative_to(root, entry.path()),
                bytes: bytes.into(),
            };
            place(&rel_str, file, &mut files, &mut strings_sources);
        }
    }
    for source in strings_sources {
        let text = String::from_utf8_lossy(&source.bytes);
        match serde_saphyr::from_str::<BTreeMap<String, String>>(&text) {
            Ok(map) => files.strings.extend(map),
            Err(e) => diags
                .push(position_of(&e, &text).in_file(YamlFile::Strings, source.display.clone())),
        }
    }
    files
}

fn place(rel: &str, file: ThemeFile, files: &mut ThemeFiles, strings: &mut Vec<ThemeFile>) {
    if let Some(name) = rel.strip_prefix("templates/") {
        files.templates.insert(name.to_string(), file);
    } else if let Some(name) = rel.strip_prefix("shortcodes/") {
        files.shortcodes.insert(name.to_string(), file);
    } else if let Some(name) = rel.strip_prefix("static/") {
        files.statics.insert(format!("static/{name}"), file);
    } else if rel == "strings.yaml" {
        strings.push(file);
    }
}

fn collect_embedded(
    dir: &'static Dir<'static>,
    files: &mut ThemeFiles,
    strings: &mut Vec<ThemeFile>,
) {
    for f in dir.files() {
        let rel = f.path().to_string_lossy().replace('\\', "/");
        let file = ThemeFile {
            display: PathBuf::from(format!("<built-in theme>/{rel}")),
            bytes: std::borrow::Cow::Borrowed(f.contents()),
        };
        place(&rel, file, files, strings);
    }
    for d in dir.dirs() {
        collect_embedded(d, files, strings);
    }
}
