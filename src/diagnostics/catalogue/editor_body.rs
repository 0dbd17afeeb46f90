//! The words of the Redaktion's body editor: the Markdown editor, its
//! toolbar, the page-link picker and image uploads. Beside `editor.rs`,
//! which sends them to the page with its own.

use super::{pick, Lang};

pub fn texts(lang: Lang) -> Vec<(&'static str, String)> {
    vec![
        ("body_label", t!(lang, "Text of the page", "Text der Seite")),
        ("toolbar", t!(lang, "Format the text", "Text gestalten")),
        ("tb_heading", t!(lang, "Heading", "Überschrift")),
        ("tb_list", t!(lang, "List", "Liste")),
        (
            "tb_numbered",
            t!(lang, "Numbered list", "Nummerierte Liste"),
        ),
        ("tb_link", t!(lang, "Link to a page", "Link auf Seite")),
        ("tb_hinweis", t!(lang, "Note box", "Hinweis")),
        ("tb_achtung", t!(lang, "Warning box", "Achtung")),
        ("tb_image", t!(lang, "Insert image", "Bild einfügen")),
        ("box_text", t!(lang, "Text of the box", "Text des Kastens")),
        (
            "link_title",
            t!(lang, "Link to a page", "Link auf eine Seite"),
        ),
        (
            "link_search",
            t!(lang, "Search pages by title", "Seiten nach Titel suchen"),
        ),
        (
            "link_none",
            t!(lang, "No page found.", "Keine Seite gefunden."),
        ),
        ("cancel", t!(lang, "Cancel", "Abbrechen")),
        (
            "jump",
            t!(lang, "Go to line {{0}}", "Zu Zeile {{0}} springen"),
        ),
        (
            "uploading",
            t!(lang, "Uploading the image …", "Bild wird hochgeladen …"),
        ),
        (
            "uploaded",
            t!(
                lang,
                "Image saved as {{0}}. Describe what it shows in alt=\"…\".",
                "Bild als {{0}} gespeichert. Beschreiben Sie in alt=\"…\", was es zeigt."
            ),
        ),
        (
            "drop_hint",
            t!(
                lang,
                "Images can be dropped onto the text.",
                "Bilder können auf den Text gezogen werden."
            ),
        ),
    ]
}

/// Why an upload was refused.
pub fn not_image(lang: Lang) -> String {
    t!(
        lang,
        "Only PNG, JPEG, GIF or WebP images can be uploaded (no SVG: it can carry scripts).",
        "Nur Bilder im Format PNG, JPEG, GIF oder WebP können hochgeladen werden (kein SVG: es kann Skripte enthalten)."
    )
}

pub fn too_large(limit_mb: usize, lang: Lang) -> String {
    t!(
        lang,
        "The image is larger than {limit_mb} MB; please make it smaller first.",
        "Das Bild ist größer als {limit_mb} MB; bitte verkleinern Sie es zuerst."
    )
}
