//! Constructs of other tools that a line starts with: MDX's imports,
//! VitePress' inclusions. (MkDocs' boxes and tabs are read: `content::mkdocs`.)

use crate::diagnostics::ForeignIssue;

/// A line that begins like a box of MkDocs (`!!! note "Offen`, `!!! note "T"
/// mehr`) but is none it reads (see `content::mkdocs`): it stays text, in
/// MkDocs too, where the author meant a box.
pub(super) fn mkdocs_unread(line: &str) -> Option<ForeignIssue> {
    let rest = ["!!!", "???+", "???"]
        .iter()
        .find_map(|m| line.strip_prefix(m))?;
    let looks = rest.starts_with([' ', '\t']) && rest.trim_start().starts_with(char::is_alphabetic);
    (looks && crate::content::mkdocs::head(line).is_none()).then(|| ForeignIssue::MkdocsUnread {
        code: line.chars().take(60).collect(),
    })
}

/// `import { PersonCard } from "@site/src/components/PersonCard";`
pub(super) fn mdx_import(line: &str) -> Option<ForeignIssue> {
    let is_import = line.starts_with("import ") && line.contains(" from ");
    let is_export = line.starts_with("export const ") || line.starts_with("export default ");
    (is_import || is_export).then(|| ForeignIssue::MdxImport { code: line.into() })
}

/// VitePress' inclusions at a line's start: `<<< @/snippets/x.js`,
/// `@[code](./x.js)`, `<!--@include: ./teil.md-->`.
pub(super) fn vitepress(line: &str) -> Option<ForeignIssue> {
    // `<<< Zurück` is an arrow of text; VitePress' import names a path
    let import = ["<<< @", "<<< ./", "<<< ../"]
        .iter()
        .any(|p| line.starts_with(p));
    let found = import || line.starts_with("@[code") || line.starts_with("<!--@include:");
    found.then(|| ForeignIssue::Vitepress {
        code: line.to_string(),
    })
}
