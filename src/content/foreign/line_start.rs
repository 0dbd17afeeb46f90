//! Constructs of other tools that a line starts with: MDX's imports,
//! VitePress' inclusions. (MkDocs' boxes and tabs are read: `content::mkdocs`.)

use crate::diagnostics::ForeignIssue;

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
