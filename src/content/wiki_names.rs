//! How wikis name their pages: by the file's name without `.md`, in any
//! folder, with a space where the file has a hyphen (GitHub's and
//! GitLab's wikis save `[[Erste Schritte]]` as `Erste-Schritte.md`) and
//! regardless of case; a GitHub wiki keeps its menu in `_Sidebar.md` and
//! its footer in `_Footer.md`. Shared by the wiki links of the pages (the
//! shortcode stage) and the sidebar's order (the book order).

use std::path::Path;

/// The file a GitHub wiki keeps its menu in, a list of `[[Seite]]`.
pub const SIDEBAR: &str = "_Sidebar.md";

/// Whether `written` (`Erste Schritte`, `erste-schritte`) names the file
/// stem `stem` (`Erste-Schritte`) as a wiki does. Compared char by char:
/// every wiki link is held against every page, so nothing is allocated.
pub fn same_name(written: &str, stem: &str) -> bool {
    let fold = |c: char| if c == ' ' || c == '_' { '-' } else { c };
    let mut a = written
        .trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(fold);
    let mut b = stem.chars().flat_map(char::to_lowercase).map(fold);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

/// Whether `written` names the file at `content_path`: by its stem, or,
/// when it has folders (`Anleitungen/Erste Schritte`), by its path
/// without `.md` from the top of the content or from any folder.
pub fn names_file(written: &str, content_path: &Path) -> bool {
    let written = written.trim().trim_end_matches(".md");
    let Some((folders, name)) = written.rsplit_once('/') else {
        return content_path
            .file_stem()
            .is_some_and(|s| same_name(written, &s.to_string_lossy()));
    };
    let stem_ok = content_path
        .file_stem()
        .is_some_and(|s| same_name(name, &s.to_string_lossy()));
    let dirs: Vec<String> = content_path
        .parent()
        .map(|p| {
            p.components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    let wanted: Vec<&str> = folders.trim_start_matches('/').split('/').collect();
    stem_ok
        && dirs.len() >= wanted.len()
        && dirs[dirs.len() - wanted.len()..]
            .iter()
            .zip(&wanted)
            .all(|(d, w)| same_name(w, d))
}

/// Whether `written` names a file beside the pages (`bild.png`,
/// `Bilder/plan.pdf`) at `content_path`: Obsidian finds an attachment by
/// its name in whatever folder it lies.
pub fn names_asset(written: &str, content_path: &Path) -> bool {
    let written = written.trim().trim_start_matches('/');
    let lower = |p: &Path| p.to_string_lossy().to_lowercase();
    match written.contains('/') {
        true => lower(content_path).ends_with(&written.to_lowercase()),
        false => content_path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().eq_ignore_ascii_case(written)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_as_wikis_write_them() {
        assert!(same_name("Erste Schritte", "Erste-Schritte"));
        assert!(same_name("erste schritte ", "Erste-Schritte"));
        assert!(same_name("Übergabe Akten", "übergabe-akten"));
        assert!(same_name("321_Speckle", "321_Speckle"));
        assert!(!same_name("Erste", "Erste-Schritte"));
        assert!(names_file(
            "Anleitungen/Erste Schritte",
            Path::new("a/anleitungen/Erste-Schritte.md")
        ));
        assert!(!names_file(
            "Andere/Erste Schritte",
            Path::new("anleitungen/Erste-Schritte.md")
        ));
        assert!(names_file(
            "Erste Schritte.md",
            Path::new("x/Erste Schritte.md")
        ));
        assert!(names_asset(
            "Pasted image 1.png",
            Path::new("Bilder/Pasted image 1.png")
        ));
        assert!(names_asset("bilder/plan.PNG", Path::new("Bilder/plan.png")));
        assert!(!names_asset("plan.png", Path::new("Bilder/plan.png.bak")));
    }
}
