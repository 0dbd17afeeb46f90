//! What the HTML of a page's Markdown gets before it is written: raw
//! HTML sanitised (security), wide tables in a box one can scroll with
//! the keyboard (accessibility).

use super::markdown::escape;

/// Raw HTML in Markdown is a way to smuggle scripts and event handlers into
/// a public site; the load stage's rules say what stays.
pub(super) fn sanitise(html: &str) -> String {
    crate::content::html_removed::sanitiser()
        .clean(html)
        .to_string()
}

/// A wide table scrolls sideways inside its own box on a phone; that box
/// must be reachable with the keyboard and named (WCAG 2.1.1, axe rule
/// `scrollable-region-focusable`). Done after sanitising, which would drop
/// `tabindex` and `role`.
pub(super) fn wrap_tables(html: &str, label: &str) -> String {
    if !html.contains("<table>") {
        return html.to_string();
    }
    let open = format!(
        "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{}\"><table>",
        escape(label)
    );
    html.replace("<table>", &open)
        .replace("</table>", "</table></div>")
}
