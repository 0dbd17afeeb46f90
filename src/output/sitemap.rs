use crate::render::markdown::escape;
use crate::site::Site;

pub fn sitemap(site: &Site) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for &id in &site.reading_order {
        let url = format!("{}{}", site.origin, site.href(&site.content.pages[id].url));
        out.push_str(&format!("  <url><loc>{}</loc></url>\n", escape(&url)));
    }
    out.push_str("</urlset>\n");
    out
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
