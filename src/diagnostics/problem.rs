use thiserror::Error;

/// What went wrong. Each variant is one class of problem; the text is the
/// message after `error:` and the span lives in the [`super::Diagnostic`].
#[derive(Debug, Clone, Error)]
pub enum Problem {
    // --- reading files
    #[error("cannot read file: {0}")]
    Io(String),
    #[error("file is not valid UTF-8 (invalid byte sequence)")]
    InvalidUtf8,
    #[error("symbolic link loop: {0}")]
    SymlinkLoop(String),

    // --- front matter
    #[error("front matter is not closed: no `---` line after the opening `---`")]
    UnclosedFrontMatter,
    #[error("YAML syntax error: {0}")]
    YamlSyntax(String),
    #[error("front matter must be a mapping of keys to values, found {0}")]
    FrontMatterNotMapping(String),
    #[error("`{key}` has the wrong type: {detail}")]
    WrongType { key: String, detail: String },
    #[error("unknown kind `{0}` (expected region, concept, agreement, check or page)")]
    UnknownKind(String),
    #[error("unknown key `{key}` for a page of kind `{kind}`")]
    UnknownKey { key: String, kind: String },
    #[error("page has no title: no `title:` in the front matter and no `# heading`")]
    MissingTitle,
    #[error(
        "control characters (NUL, BEL, …) are not allowed in HTML and were replaced by spaces"
    )]
    ControlCharacter,
    #[error("empty page: published with the title `{0}` taken from its file name")]
    EmptyPage(String),
    #[error("placeholder `[[{0}]]` is not declared in `placeholders`")]
    UnknownPlaceholder(String),
    #[error("invalid placeholder key `{0}`: use lower-case letters, digits and `_`")]
    InvalidPlaceholderKey(String),
    #[error("unfinished text: `{0}`")]
    TodoMarker(String),

    // --- cross-links
    #[error("broken link: `{0}` does not exist")]
    BrokenLink(String),
    #[error("broken link: `{target}` has no heading with the anchor `#{anchor}`")]
    MissingAnchor { target: String, anchor: String },
    #[error("unknown reference `{target}` in `{field}`: no {expected} with this slug")]
    UnknownReference {
        field: String,
        target: String,
        expected: String,
    },
    #[error("ambiguous reference `{target}` in `{field}`: {candidates}")]
    AmbiguousReference {
        field: String,
        target: String,
        candidates: String,
    },
    #[error("duplicate URL `{url}`: also produced by {other}")]
    DuplicateUrl { url: String, other: String },
    #[error("link to hidden page `{0}` becomes plain text in this edition")]
    LinkToHiddenPage(String),
    #[error("link with a `{0}:` URL becomes plain text")]
    UnsafeLink(String),

    // --- shortcodes
    #[error("shortcode `{name}`: {detail}")]
    ShortcodeSyntax { name: String, detail: String },
    #[error("unknown shortcode `{0}`")]
    UnknownShortcode(String),
    #[error("shortcode `{name}` needs the argument `{arg}`")]
    MissingArgument { name: String, arg: String },
    #[error("shortcode `{name}` has no argument `{arg}`")]
    UnknownArgument { name: String, arg: String },
    #[error("unknown variable `{0}`: not in `vars` of handbook.yaml or edition.yaml")]
    UnknownVar(String),
    #[error("variable `{name}` is {found}, not a text or number")]
    VarNotText { name: String, found: String },
    #[error("count: {0}")]
    Count(String),
    #[error("snippet `{0}` not found")]
    SnippetNotFound(String),
    #[error("include cycle: {0}")]
    IncludeCycle(String),
    #[error("shortcode `{name}`: template error: {detail}")]
    ShortcodeTemplate { name: String, detail: String },
    #[error("shortcode `{name}` cannot be used in `{field}`, only `var` and `count`")]
    ShortcodeInField { name: String, field: String },

    // --- configuration, templates, output
    #[error("configuration: {0}")]
    Config(String),
    #[error("template error: {0}")]
    Template(String),
    #[error("cannot write output: {0}")]
    Output(String),
    #[error("search index: {0}")]
    Search(String),
    #[error("edition: {0}")]
    Edition(String),
}
