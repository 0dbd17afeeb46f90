//! `handbook init --edition-of PATH_OR_GIT_URL DIR`: a region's own
//! repository whose edition extends a handbook beside it, so the region
//! keeps its pages without forking the whole handbook. The handbook is a
//! folder (`../landeshandbuch`) or, given a Git URL, a submodule in DIR.

use super::{files, has_entries, written_name, InitError, STARTER};
use std::path::{Component, Path, PathBuf};
use std::process::Command;

/// The submodule's folder when the handbook comes from a Git URL.
const SUBMODULE: &str = "landeshandbuch";

/// What was made: the edition's name and where its handbook is.
pub struct EditionMade {
    pub name: String,
    /// The handbook, relative to DIR.
    pub upstream: PathBuf,
}

pub fn init_edition(
    dir: &Path,
    of: &str,
    title: Option<&str>,
    force: bool,
) -> Result<EditionMade, InitError> {
    if !force && has_entries(dir) {
        return Err(InitError::NotEmpty(dir.display().to_string()));
    }
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |error| InitError::Io { path, error }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let dir = std::fs::canonicalize(dir).map_err(io(dir))?;
    let upstream = if is_git_url(of) {
        add_submodule(&dir, of)?;
        PathBuf::from(SUBMODULE)
    } else {
        let abs = std::fs::canonicalize(of).map_err(|_| InitError::NoHandbook(of.to_string()))?;
        relative(&dir, &abs)
    };
    let config = dir.join(&upstream).join(crate::config::CONFIG_FILE);
    let settings =
        std::fs::read_to_string(&config).map_err(|_| InitError::NoHandbook(of.to_string()))?;

    let name = edition_name(&dir);
    // the region's root needs the handbook's settings (taxonomies, language):
    // a copy, which a change of the handbook's own must follow by hand
    let own = dir.join(crate::config::CONFIG_FILE);
    if !own.exists() {
        let header = format!(
            "# Die Einstellungen des Handbuchs in {}, übernommen von `handbook init --edition-of`.\n\
             # Ändert das Handbuch seine handbook.yaml (z. B. taxonomies:), übernehmen Sie das hier.\n",
            upstream.display()
        );
        std::fs::write(&own, header + &settings).map_err(io(&own))?;
    }
    // the edition folder sits two levels below the root
    let extends = Path::new("../..").join(&upstream);
    let folder = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let title = title.map_or_else(
        || format!("Transferhandbuch – Ausgabe {folder}"),
        str::to_string,
    );
    crate::editions::commands::new(&dir, &name, &extends.to_string_lossy(), Some(&title))
        .map_err(|e| InitError::Edition(e.to_string()))?;
    for file in files(&STARTER) {
        let rel = written_name(file.path());
        let keep = rel == Path::new(".gitignore") || rel.starts_with("search-index");
        let target = dir.join(&rel);
        if keep && !target.exists() {
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).map_err(io(parent))?;
            }
            std::fs::write(&target, file.contents()).map_err(io(&target))?;
        }
    }
    // a region's own CI files (with --force) stay: nothing to report here
    super::ci::write(
        &dir,
        super::ci::For::Edition(&name),
        &mut Default::default(),
    )?;
    Ok(EditionMade { name, upstream })
}

fn is_git_url(of: &str) -> bool {
    of.contains("://") || of.starts_with("git@") || of.ends_with(".git")
}

/// `git init` (unless DIR is a work tree already) and the handbook as a
/// submodule; a region updates it with `git submodule update --remote`.
fn add_submodule(dir: &Path, url: &str) -> Result<(), InitError> {
    let git = |args: &[&str]| -> Result<(), InitError> {
        let out = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .output()
            .map_err(|e| InitError::Git(e.to_string()))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(InitError::Git(
                String::from_utf8_lossy(&out.stderr).trim().to_string(),
            ))
        }
    };
    if !dir.join(".git").exists() {
        git(&["init", "--quiet"])?;
    }
    // git refuses local file URLs for submodules unless told, since 2.38
    let mut args = vec![];
    if url.starts_with("file://") {
        args.extend(["-c", "protocol.file.allow=always"]);
    }
    args.extend(["submodule", "add", "--quiet", url, SUBMODULE]);
    git(&args)
}

/// The edition's name from the folder's (`Kreis Kleve` → `kreis-kleve`).
fn edition_name(dir: &Path) -> String {
    let name = dir
        .file_name()
        .map(|n| crate::content::slug::slugify(&n.to_string_lossy()))
        .unwrap_or_default();
    if name.is_empty() || name == "base" {
        "region".into()
    } else {
        name
    }
}

/// `to` relative to `from`, both absolute: `../landeshandbuch`.
fn relative(from: &Path, to: &Path) -> PathBuf {
    let (a, b): (Vec<Component>, Vec<Component>) =
        (from.components().collect(), to.components().collect());
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut rel = PathBuf::new();
    for _ in common..a.len() {
        rel.push("..");
    }
    for c in &b[common..] {
        rel.push(c);
    }
    rel
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_relative_to_the_region_folder() {
        assert_eq!(
            relative(Path::new("/w/kreis-kleve"), Path::new("/w/landeshandbuch")),
            PathBuf::from("../landeshandbuch")
        );
        assert_eq!(
            relative(Path::new("/w/r"), Path::new("/w/r/sub/hb")),
            PathBuf::from("sub/hb")
        );
        assert!(is_git_url("https://example.org/nrw/handbuch.git"));
        assert!(!is_git_url("../landeshandbuch"));
        assert_eq!(edition_name(Path::new("/w/Kreis Kleve")), "kreis-kleve");
    }
}
