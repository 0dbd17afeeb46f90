//! `handbook init DIR`: a new, empty handbook that builds with no error
//! and no warning but the `[bitte ergänzen …]` markers only its publisher
//! can fill in. The starter files are real files in `src/init/starter/`,
//! built into the binary, so what `init` writes can be read and tested
//! like any handbook.

pub mod ci;
pub mod edition;

use include_dir::{include_dir, Dir};
use std::path::{Path, PathBuf};

static STARTER: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/init/starter");

#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// The folder has files, and `--force` was not given.
    #[error("{0}")]
    NotEmpty(String),
    /// `--edition-of` names no folder with a handbook.yaml.
    #[error("{0}")]
    NoHandbook(String),
    /// `--title ""`: a handbook without a name fails its first check.
    #[error("the title is empty")]
    EmptyTitle,
    /// The folder lies in another handbook's `content/` (or `editions/`),
    /// whose pages its files would become.
    #[error("{dir} is inside {handbook}")]
    InsideHandbook { dir: String, handbook: String },
    #[error("{0}")]
    Git(String),
    #[error("{0}")]
    Edition(String),
    #[error("{path}: {error}")]
    Io { path: String, error: std::io::Error },
}

/// What `init` wrote, and what it left alone (with `--force`, a file that
/// was there already is never overwritten).
#[derive(Debug, Default)]
pub struct Created {
    pub written: Vec<PathBuf>,
    pub kept: Vec<PathBuf>,
}

pub struct InitOptions<'a> {
    pub title: Option<&'a str>,
    pub language: &'a str,
    /// Write into a folder that has files (keeping each one that is there).
    pub force: bool,
}

/// The handbook whose `content/` or `editions/` holds `dir` (which need
/// not exist yet): a handbook made there would be pages of that one.
fn enclosing_handbook(dir: &Path) -> Option<std::path::PathBuf> {
    let absolute = std::path::absolute(dir).ok()?;
    // the part that exists, with its links resolved, and the rest as named
    let existing = absolute.ancestors().find(|a| a.exists())?;
    let rest = absolute.strip_prefix(existing).ok()?;
    let full = existing.canonicalize().ok()?.join(rest);
    full.ancestors().skip(1).find_map(|a| {
        let inside = full.strip_prefix(a).ok()?.components().next()?;
        let held = [crate::layout::CONTENT_DIR, crate::layout::EDITIONS_DIR]
            .iter()
            .any(|d| inside.as_os_str() == *d);
        (held && a.join(crate::config::CONFIG_FILE).is_file()).then(|| a.to_path_buf())
    })
}

pub fn init(dir: &Path, opts: &InitOptions) -> Result<Created, InitError> {
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |error| InitError::Io { path, error }
    };
    if opts.title.is_some_and(|t| t.trim().is_empty()) {
        return Err(InitError::EmptyTitle);
    }
    if let Some(handbook) = enclosing_handbook(dir) {
        return Err(InitError::InsideHandbook {
            dir: dir.display().to_string(),
            handbook: handbook.display().to_string(),
        });
    }
    if !opts.force && has_entries(dir) {
        return Err(InitError::NotEmpty(dir.display().to_string()));
    }
    let title = opts.title.map_or_else(|| title_from(dir), str::to_string);
    let mut created = Created::default();
    for file in files(&STARTER) {
        let rel = written_name(file.path());
        let target = dir.join(&rel);
        if target.exists() {
            created.kept.push(rel);
            continue;
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        let text = String::from_utf8_lossy(file.contents())
            .replace("{{TITLE}}", &yaml_quoted_inner(&title))
            .replace("{{LANGUAGE}}", opts.language);
        std::fs::write(&target, text).map_err(io(&target))?;
        created.written.push(rel);
    }
    ci::write(dir, ci::For::Handbook, &mut created)?;
    Ok(created)
}

/// The CI files alone, into the handbook in `dir` (one started without
/// `init`, or whose files were deleted); those there are kept.
pub fn ci_only(dir: &Path) -> Result<Created, InitError> {
    if !dir.join(crate::config::CONFIG_FILE).is_file() {
        return Err(InitError::NoHandbook(dir.display().to_string()));
    }
    let mut created = Created::default();
    ci::write(dir, ci::For::Handbook, &mut created)?;
    Ok(created)
}

fn has_entries(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some())
}

fn files<'a>(dir: &'a Dir<'a>) -> Vec<&'a include_dir::File<'a>> {
    let mut out: Vec<_> = dir.files().collect();
    for sub in dir.dirs() {
        out.extend(files(sub));
    }
    out.sort_by_key(|f| f.path());
    out
}

/// `gitignore` is kept under that name in the starter, so that it ignores
/// nothing in this repository; it is written as `.gitignore`.
fn written_name(path: &Path) -> PathBuf {
    if path == Path::new("gitignore") {
        PathBuf::from(".gitignore")
    } else {
        path.to_path_buf()
    }
}

/// The folder's name as a title: `jugend-beteiligung` → `Jugend Beteiligung`.
fn title_from(dir: &Path) -> String {
    let name = std::fs::canonicalize(dir)
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .or_else(|| dir.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_default();
    // a name written with capitals (`Mein Handbuch für Kitas`) is kept as
    // written; one in lower case (`mein-handbuch`) gets its nouns' capitals,
    // but German's small words stay small after the first
    const SMALL: [&str; 17] = [
        "für", "fuer", "und", "oder", "in", "im", "an", "am", "auf", "aus", "bei", "mit", "von",
        "vom", "zu", "zum", "zur",
    ];
    let as_written = name.chars().any(char::is_uppercase);
    let words: Vec<String> = name
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && (as_written || SMALL.contains(&w)) {
                return w.to_string();
            }
            let mut c = w.chars();
            c.next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        })
        .collect();
    if words.is_empty() {
        "Handbuch".into()
    } else {
        words.join(" ")
    }
}

/// The title as it goes between the starter's double quotes: a JSON
/// string is a YAML double-quoted one, so quotes and backslashes are safe.
fn yaml_quoted_inner(title: &str) -> String {
    let quoted = serde_json::to_string(title).unwrap_or_default();
    quoted[1..quoted.len() - 1].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_from_folder_names_and_quotes_stay_yaml() {
        assert_eq!(
            title_from(Path::new("jugend-beteiligung")),
            "Jugend Beteiligung"
        );
        assert_eq!(
            yaml_quoted_inner(r#"Das „Neue" Handbuch"#),
            r#"Das „Neue\" Handbuch"#
        );
    }

    #[test]
    fn the_starter_has_a_gitignore_and_the_index_readme() {
        let names: Vec<PathBuf> = files(&STARTER)
            .iter()
            .map(|f| written_name(f.path()))
            .collect();
        assert!(names.contains(&PathBuf::from(".gitignore")));
        assert!(names.contains(&PathBuf::from("search-index/README.md")));
        assert!(names.contains(&PathBuf::from("handbook.yaml")));
    }
}
