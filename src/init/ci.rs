//! The CI files `init` writes: GitHub Actions and GitLab CI jobs that
//! download a pinned release binary, check the handbook strictly, build it
//! and publish it (and, for an edition, learn on a schedule that upstream
//! changed a page the region overrides). Their one source is `docs/ci/`,
//! where a region that did not start with `init` copies them from; the
//! folders there hold each file at the path it has in the new repository.

use super::{Created, InitError};
use include_dir::{include_dir, Dir};
use std::path::Path;

static HANDBOOK: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/docs/ci/handbuch");
static EDITION: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/docs/ci/ausgabe");

/// The edition's name as the templates in docs/ci/ausgabe/ spell it.
pub const EXAMPLE_EDITION: &str = "kreis-beispiel";

/// Which repository the files are for.
pub enum For<'a> {
    Handbook,
    Edition(&'a str),
}

/// Writes each CI file that is not there yet (a region's own is kept).
pub fn write(dir: &Path, what: For, created: &mut Created) -> Result<(), InitError> {
    let (files, edition) = match what {
        For::Handbook => (&HANDBOOK, None),
        For::Edition(name) => (&EDITION, Some(name)),
    };
    for file in super::files(files) {
        let rel = file.path().to_path_buf();
        let target = dir.join(&rel);
        if target.exists() {
            created.kept.push(rel);
            continue;
        }
        let mut text = String::from_utf8_lossy(file.contents()).into_owned();
        if let Some(name) = edition {
            text = text.replace(
                &format!("HANDBOOK_EDITION: \"{EXAMPLE_EDITION}\""),
                &format!("HANDBOOK_EDITION: \"{name}\""),
            );
        }
        let io = |error| InitError::Io {
            path: target.display().to_string(),
            error,
        };
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        std::fs::write(&target, text).map_err(io)?;
        created.written.push(rel);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edition_gets_its_own_name_in_its_ci_files() {
        let tmp = tempfile::tempdir().unwrap();
        let mut created = Created::default();
        write(tmp.path(), For::Edition("kreis-kleve"), &mut created).unwrap();
        let gitlab = std::fs::read_to_string(tmp.path().join(".gitlab-ci.yml")).unwrap();
        assert!(gitlab.contains("HANDBOOK_EDITION: \"kreis-kleve\""));
        assert!(!gitlab.contains(EXAMPLE_EDITION));
        assert!(tmp.path().join(".github/workflows/handbuch.yml").is_file());
    }
}
