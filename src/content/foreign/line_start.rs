//! Constructs of other tools that a line starts with: MkDocs' boxes and
//! tabs, MDX's imports.

use crate::diagnostics::ForeignIssue;

/// MkDocs Material's content tabs: `=== "Windows"` (a setext underline
/// `===` has no title after it).
pub(super) fn mkdocs_tab(line: &str) -> Option<ForeignIssue> {
    let rest = ["=== ", "===! ", "===+ "]
        .iter()
        .find_map(|p| line.strip_prefix(p))?
        .trim();
    let title = rest.strip_prefix('"')?.strip_suffix('"')?;
    Some(ForeignIssue::MkdocsTab {
        title: title.to_string(),
    })
}

/// `!!! note "Titel"` (and the collapsible `??? tip`).
pub(super) fn mkdocs(line: &str) -> Option<ForeignIssue> {
    let (marker, rest) = ["!!! ", "??? ", "???+ "]
        .iter()
        .find_map(|m| Some((m.trim_end(), line.strip_prefix(m)?)))?;
    let kind: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    (!kind.is_empty()).then(|| ForeignIssue::MkdocsAdmonition {
        marker: marker.to_string(),
        kind,
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
