//! What the binary says about itself: `handbook --version`.

use super::{pick, Lang};

/// After `handbook ` in `--version`: the version and the commit it was
/// built from (`-dirty` when the sources differed from that commit).
pub fn version_text(version: &str, commit: &str, lang: Lang) -> String {
    let commit = match (commit.is_empty(), lang) {
        (true, Lang::En) => "unknown",
        (true, Lang::De) => "unbekannt",
        (false, _) => commit,
    };
    t!(
        lang,
        "{version} (commit {commit})",
        "{version} (Commit {commit})"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_build_without_git_or_handbook_commit_says_so() {
        assert_eq!(
            version_text("0.1.0", "", Lang::De),
            "0.1.0 (Commit unbekannt)"
        );
        assert_eq!(
            version_text("0.1.0", "abc1234-dirty", Lang::En),
            "0.1.0 (commit abc1234-dirty)"
        );
    }
}
