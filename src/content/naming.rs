//! What a page's file and folder names say: whether it is a section's own
//! page, its slug, its place in the order and a title when it has none.
//! Other tools number chapters in the name (`01-einfuehrung.md`,
//! `02_praxis/`) to order them; the number orders here too and is left
//! out of URLs and titles, as Docusaurus does.

use super::slug::slugify;
use std::path::Path;

/// `01-einfuehrung` → `(Some(1.0), "einfuehrung")`; a name that is only a
/// number, has no separator after it or starts with a year
/// (`2024-bericht`, a date rather than a place in the order) keeps its digits.
/// A chapter number (`2.1_jahresangaben`, Jupyter Book's and Sphinx's
/// books number so) orders part by part: 2 < 2.1 < 2.2 < 2.10 < 10, each
/// part after the first counting in thousandths.
pub fn strip_number(name: &str) -> (Option<f64>, &str) {
    let mut weight = 0.0;
    let mut scale = 1.0;
    let mut end = 0;
    loop {
        // more than three digits in front is a year (`2024-bericht`), a
        // date rather than a place in the order
        let digits = name[end..].bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            break;
        }
        // `10.000-euro` is a sum with a thousands separator, no chapter
        if end > 0 && digits == 3 {
            return (None, name);
        }
        let part: f64 = name[end..end + digits].parse().unwrap_or(0.0);
        weight += part * scale;
        scale /= 1000.0;
        end += digits;
        // another part follows a dot when digits follow it, and a dash or
        // underscore when digits and another separator follow it: lernOS'
        // `1-01-erste` is chapter 1.1, where `2-zimmer` and `5-3d-druck`
        // have one number
        let rest = &name[end..];
        let next = rest.get(1..).unwrap_or_default();
        let next_digits = next.bytes().take_while(u8::is_ascii_digit).count();
        let is_part = match rest.bytes().next() {
            Some(b'.') => next_digits > 0,
            // two digits at most: `3-2024-bericht` is chapter 3 of a
            // year's report, `5-100-tipps` chapter 5 of a hundred tips
            Some(b'-' | b'_') => {
                (1..=2).contains(&next_digits)
                    && matches!(
                        next.as_bytes().get(next_digits),
                        Some(b'-' | b'_' | b' ' | b'.')
                    )
            }
            _ => false,
        };
        if !is_part {
            break;
        }
        end += 1;
    }
    // beyond twelve digits the parts' thousandths no longer stay apart
    // in one f64
    if end == 0 || name[..end].bytes().filter(u8::is_ascii_digit).count() > 3 * 4 {
        return (None, name);
    }
    let rest = name[end..].trim_start_matches(['-', '_', ' ', '.']);
    if rest.len() == name.len() - end || rest.is_empty() {
        return (None, name);
    }
    (Some(weight), rest)
}

fn stem(content_path: &Path) -> String {
    content_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `_index.md`, and `index.md` as every other tool reads it.
pub fn is_section_index(content_path: &Path) -> bool {
    matches!(stem(content_path).as_str(), "_index" | "index")
}

/// `_index.md` or `index.md` of the content folder itself.
pub fn is_start_page(content_path: &Path) -> bool {
    is_section_index(content_path)
        && content_path
            .parent()
            .is_none_or(|p| p.as_os_str().is_empty())
}

/// The slug of a page's file name with its number kept (`3_assessment`),
/// for pages whose names differ only in their numbers (`3_Assessment.md`,
/// `4_Assessment.md`): without it they would share one address.
pub fn numbered_slug(content_path: &Path) -> String {
    slugify(&stem(content_path))
}

/// The page's slug, and whether it is a section's own page (whose slug
/// is empty unless given).
pub fn page_slug(given: Option<&str>, content_path: &Path) -> (String, bool) {
    let is_index = is_section_index(content_path);
    // a slug of no letters (`slug: "–"`) would give the page its folder's
    // address, which the folder's own page has: the file's name stands
    let given = given.map(slugify).filter(|s| !s.is_empty());
    let slug = match given {
        Some(s) => s,
        None if is_index => String::new(),
        None => slugify(strip_number(&stem(content_path)).1),
    };
    (slug, is_index)
}

/// The folder of a section's own page, or the page's own file name.
fn name_of(content_path: &Path) -> String {
    if is_section_index(content_path) {
        content_path
            .parent()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| stem(content_path))
    } else {
        stem(content_path)
    }
}

/// The number in front of the page's name (its folder's for a section page).
pub fn name_weight(content_path: &Path) -> Option<f64> {
    strip_number(&name_of(content_path)).0
}

/// `regionen/kreis-wesel.md` → `kreis-wesel`; `02-praxis/_index.md` → `praxis`.
pub fn title_from_path(content_path: &Path) -> String {
    strip_number(&name_of(content_path)).1.to_string()
}

/// `02-gute_praxis` → `Gute praxis`: a folder's title when it has no page.
pub fn folder_title(name: &str) -> String {
    let words = strip_number(name).1.replace(['-', '_'], " ");
    let mut c = words.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// A folder's URL segment: its name as a slug, without the number.
pub fn folder_segment(name: &str) -> String {
    slugify(strip_number(name).1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_order_and_leave_names() {
        assert_eq!(strip_number("01-einfuehrung"), (Some(1.0), "einfuehrung"));
        assert_eq!(strip_number("02_Einleitung"), (Some(2.0), "Einleitung"));
        assert_eq!(strip_number("2024"), (None, "2024"));
        assert_eq!(strip_number("2024-bericht"), (None, "2024-bericht"));
        assert_eq!(strip_number("3d-druck"), (None, "3d-druck"));
        assert_eq!(strip_number("kreis-wesel"), (None, "kreis-wesel"));
        assert_eq!(
            page_slug(None, Path::new("02-praxis/01-start.md")),
            ("start".into(), false)
        );
        assert_eq!(
            page_slug(None, Path::new("02-praxis/index.md")),
            (String::new(), true)
        );
        assert_eq!(name_weight(Path::new("02-praxis/index.md")), Some(2.0));
        assert_eq!(title_from_path(Path::new("02-praxis/_index.md")), "praxis");
        assert_eq!(folder_title("03-gute_praxis"), "Gute praxis");
    }

    #[test]
    fn chapter_numbers_order_part_by_part() {
        let names = [
            "10_schluss",
            "2.10_anhang",
            "2.2_titel",
            "2_zellen",
            "2.1_jahresangaben",
        ];
        let mut sorted: Vec<(f64, &str)> = names
            .iter()
            .map(|n| match strip_number(n) {
                (Some(w), rest) => (w, rest),
                _ => panic!("{n}"),
            })
            .collect();
        sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
        let rests: Vec<&str> = sorted.iter().map(|(_, r)| *r).collect();
        assert_eq!(
            rests,
            ["zellen", "jahresangaben", "titel", "anhang", "schluss"]
        );
        // the whole number leaves the address, not its first part
        assert_eq!(strip_number("5.1_jahre").1, "jahre");
        assert_eq!(strip_number("2.1"), (None, "2.1"));
        assert_eq!(strip_number("1.5-mio-euro").1, "mio-euro");
        assert_eq!(strip_number("2024.1-bericht"), (None, "2024.1-bericht"));
        assert_eq!(strip_number("10.000-euro"), (None, "10.000-euro"));
    }

    #[test]
    fn chapter_numbers_with_dashes_are_chapters_too() {
        // lernOS numbers its katas `1-01-…`, `1-02-…`, `1-10-…`
        let (one, rest) = strip_number("1-02-zweite");
        assert_eq!(rest, "zweite");
        let ten = strip_number("1-10-dritte").0.unwrap();
        let two = strip_number("2-01-vierte").0.unwrap();
        assert!(strip_number("1-01-erste").0.unwrap() < one.unwrap());
        assert!(one.unwrap() < ten && ten < two);
        // one number, then a name that starts with digits
        assert_eq!(strip_number("2-zimmer"), (Some(2.0), "zimmer"));
        assert_eq!(strip_number("5-3d-druck"), (Some(5.0), "3d-druck"));
        assert_eq!(strip_number("1-2"), (Some(1.0), "2"));
        assert_eq!(
            strip_number("2024-01-05-bericht"),
            (None, "2024-01-05-bericht")
        );
        assert_eq!(
            strip_number("03-2024-jahresbericht"),
            (Some(3.0), "2024-jahresbericht")
        );
        assert_eq!(strip_number("05-100-tipps"), (Some(5.0), "100-tipps"));
        assert_eq!(strip_number("2-1-2024-bericht").1, "2024-bericht");
    }
}
