use crate::render::markdown::escape;
use crate::site::Site;

/// The sitemap protocol allows only absolute `<loc>` URLs, so without an
/// absolute `base_url` there is no sitemap: search engines reject one with
/// paths alone, and a host name guessed here would be wrong on every copy.
pub fn sitemap(site: &Site) -> Option<String> {
    if site.origin.is_empty() {
        return None;
    }
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for &id in &site.reading_order {
        let url = format!("{}{}", site.origin, site.href(&site.content.pages[id].url));
        out.push_str(&format!("  <url><loc>{}</loc></url>\n", escape(&url)));
    }
    out.push_str("</urlset>\n");
    Some(out)
}

pub fn robots(site: &Site) -> String {
    let mut out = String::from("User-agent: *\nAllow: /\n");
    if !site.origin.is_empty() {
        out.push_str(&format!(
            "Sitemap: {}{}sitemap.xml\n",
            site.origin, site.base_path
        ));
    }
    out
}
