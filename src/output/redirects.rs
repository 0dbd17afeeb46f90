//! The pages left at a page's earlier addresses (`aliases:`): each sends
//! the reader on at once, as Hugo's and Zola's do. A plain link says
//! where, for a browser that does not follow `refresh`; `noindex` and the
//! canonical link keep search engines on the page's own address.

use crate::links::aliases;
use crate::render::markdown::escape;
use crate::site::Site;

/// (site-relative file, HTML) of every redirect page.
pub fn redirect_pages(site: &Site) -> Vec<(String, String)> {
    let language = escape(&site.config.language);
    let dir = if crate::render::right_to_left(&site.config.language) {
        " dir=\"rtl\""
    } else {
        ""
    };
    let moved = site
        .theme
        .string("moved")
        .unwrap_or("Diese Seite hat eine neue Adresse:");
    aliases::redirects(&site.content)
        .into_iter()
        .map(|(file, url, title)| {
            let href = escape(&format!("{}{}", site.origin, site.href(url)));
            let (title, moved) = (escape(title), escape(moved));
            let html = format!(
                "<!DOCTYPE html>\n<html lang=\"{language}\"{dir}>\n<head>\n<meta charset=\"utf-8\">\n\
                 <title>{title}</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
                 <meta name=\"robots\" content=\"noindex\">\n<link rel=\"canonical\" href=\"{href}\">\n\
                 <meta http-equiv=\"refresh\" content=\"0; url={href}\">\n</head>\n<body>\n\
                 <p>{moved} <a href=\"{href}\">{title}</a></p>\n</body>\n</html>\n"
            );
            (file, html)
        })
        .collect()
}
