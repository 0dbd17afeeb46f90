//! What went wrong, and what to do about it, as data. The words for both,
//! in English and German, are in [`super::catalogue`] and nowhere else.

/// What went wrong. Each variant is one class of problem; the span lives in
/// the [`super::Diagnostic`].
#[derive(Debug, Clone)]
pub enum Problem {
    // --- reading files
    Io(String),
    InvalidUtf8,
    SymlinkLoop(String),

    // --- front matter
    UnclosedFrontMatter,
    /// Front matter in TOML between `+++` lines (Hugo).
    TomlFrontMatter,
    Yaml(YamlIssue),
    FrontMatterNotMapping(String),
    WrongType {
        key: String,
        detail: String,
    },
    UnknownKind(String),
    UnknownKey {
        key: String,
        kind: String,
    },
    MissingTitle,
    /// The Redaktion's „Titel“ emptied where the file had one.
    TitleEmptied,
    /// No title; the first heading, of a lower level, stands in.
    TitleFromHeading(String),
    ControlCharacter,
    /// `content/` holds no Markdown file at all (a copy that went wrong):
    /// the site would be the generated start page alone.
    NoPages(String),
    EmptyPage(String),
    UnknownPlaceholder(String),
    InvalidPlaceholderKey(String),
    TodoMarker(String),
    /// An unquoted value whose ` #word` YAML reads as a comment.
    CutByHash(String),

    // --- cross-links
    BrokenLink(String),
    /// A link to a page marked `draft: true`, which is not published.
    LinkToDraft(String),
    MissingAnchor {
        target: String,
        anchor: String,
    },
    UnknownReference {
        field: String,
        target: String,
        expected: Expected,
    },
    AmbiguousReference {
        field: String,
        target: String,
        candidates: String,
    },
    DuplicateUrl {
        url: String,
        other: String,
    },
    /// An `aliases:` entry no file of the site can answer
    /// (`https://…`, `/x?id=3`, `../..`).
    AliasNotAnAddress(String),
    /// An `aliases:` entry a page or another page's alias has.
    AliasTaken {
        address: String,
        other: String,
    },
    LinkToHiddenPage(String),
    /// A front-matter reference to a page that is a draft.
    ReferenceToDraft {
        field: String,
        target: String,
    },
    UnsafeLink(String),

    // --- shortcodes
    ShortcodeSyntax {
        name: String,
        issue: ShortcodeIssue,
    },
    UnknownShortcode(String),
    MissingArgument {
        name: String,
        arg: String,
    },
    UnknownArgument {
        name: String,
        arg: String,
    },
    UnknownVar(String),
    VarNotText {
        name: String,
        found: Found,
    },
    Count(CountIssue),
    SnippetNotFound(String),
    IncludeCycle(String),
    ShortcodeTemplate {
        name: String,
        detail: String,
    },
    ShortcodeInField {
        name: String,
        field: String,
    },

    // --- editions
    MergeConflict(String),
    UpstreamChanged {
        path: String,
        removed: bool,
    },

    // --- configuration, templates, output
    /// A YAML error in a file of its own (not a page's front matter).
    YamlFile {
        file: YamlFile,
        issue: YamlIssue,
    },
    Config(String),
    Template(String),
    /// A page's `template:` names no template of the theme.
    UnknownTemplate(String),
    Output(String),
    Search(String),
    /// No index in this folder: `handbook build` was not run.
    NoSearchIndex(String),
    Edition(String),
    /// A `hide:` pattern globset cannot read; `detail` is its English reason.
    InvalidHidePattern {
        pattern: String,
        detail: String,
    },
    HidePatternsTogether(String),

    // --- mistakes that used to pass in silence
    /// Markdown that looks like a link but is none: it shows as text.
    UnparsedLink(String),
    /// `**` that CommonMark left as two asterisks (`** wichtig**`: a space
    /// after the opening one), quoted with the text around it.
    LiteralStars(String),
    /// `lang:` that is no language tag (`lang: Arabisch`): the page's
    /// language would go unmarked.
    NoLanguageTag(String),
    /// A known key written in German (`Dauer:` for `duration:`).
    GermanKey {
        key: String,
        english: String,
    },
    /// An edition's `hide:` pattern that hides no file.
    HideMatchesNothing(String),
    /// A template links a fixed site path no page has.
    ThemeLink(String),
    /// A formula `$…$` whose TeX cannot be read: what is wrong.
    UnreadableFormula(String),
    /// A picture without a description (alt text): its address.
    PictureWithoutDescription(String),
    /// A picture loaded from another server: its host.
    PictureFromElsewhere(String),
    /// A contact without a name: the page shows „, Koordination“.
    ContactWithoutName,
    /// A contact's `email:` no mail program can send to (`m.muster(at)…`).
    NotAnEmail(String),

    // --- handbooks written for other tools
    Foreign(super::foreign::ForeignIssue),
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&super::catalogue::message(self, super::catalogue::Lang::En))
    }
}

impl std::error::Error for Problem {}

/// A YAML syntax error, classified so an editor gets words for it, not
/// the parser's.
#[derive(Debug, Clone, PartialEq)]
pub enum YamlIssue {
    /// A quote opened on `line` is not closed where the editor meant it to be.
    UnclosedQuote {
        quote: char,
        line: usize,
    },
    /// `title: "Elterncafé" im Zentrum`: text after the closing quote.
    TextAfterQuote {
        quote: char,
    },
    Tab,
    DuplicateKey(String),
    /// A `:` where YAML cannot take one (e.g. `title: A: B`, wrong indentation).
    UnexpectedColon,
    UnclosedBracket,
    /// Anything else, in the parser's words.
    Other(String),
}

/// The YAML files of a handbook besides the pages' front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlFile {
    /// `handbook.yaml`
    Config,
    /// An edition's `edition.yaml`
    Edition,
    /// An edition's `overrides.yaml`
    Overrides,
    /// A theme's `strings.yaml`
    Strings,
}

impl YamlFile {
    pub fn name(self) -> &'static str {
        match self {
            YamlFile::Config => "handbook.yaml",
            YamlFile::Edition => "edition.yaml",
            YamlFile::Overrides => "overrides.yaml",
            YamlFile::Strings => "strings.yaml",
        }
    }
}

impl YamlIssue {
    /// The issue in a file whose YAML starts `lines` lines further down
    /// (front matter after its `---`): the line it names moves along.
    pub fn shifted(self, lines: usize) -> YamlIssue {
        match self {
            YamlIssue::UnclosedQuote { quote, line } => YamlIssue::UnclosedQuote {
                quote,
                line: line + lines,
            },
            other => other,
        }
    }
}

/// What a reference list expects its slugs to name.
#[derive(Debug, Clone)]
pub enum Expected {
    Kind(String),
    Section(String),
    Any,
}

/// What a `var` turned out to be instead of text.
#[derive(Debug, Clone, Copy)]
pub enum Found {
    List,
    Mapping,
    Empty,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ShortcodeIssue {
    NotClosed { close: &'static str },
    NoEnd,
    StrayEnd,
    NeedsBody,
    ExpectedComma { after: String },
    ExpectedName { found: String },
    ExpectedEquals { name: String },
    GivenTwice { name: String },
    UnclosedText { name: String, quote: char },
    BadValue { name: String, word: String },
}

#[derive(Debug, Clone)]
pub enum CountIssue {
    NoSection {
        section: String,
        suggestion: Option<String>,
    },
    UnknownKind(String),
    NoSuchField(String),
    UnknownFormat(String),
}

/// What to do about a problem. Data only; the words are in the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub enum Hint {
    DidYouMean(String),
    SaveAsUtf8,
    CloseFrontMatter,
    WriteYamlFrontMatter,
    AddTitle,
    /// No title, and the first heading is `## …`: that line with one `#`.
    RaiseFirstHeading {
        heading: String,
        level: u8,
    },
    /// `did you mean `x`?` for an unknown front-matter key, which is kept.
    UnknownKeyKept {
        suggestion: String,
        key: String,
    },
    WriteList,
    UseListedValue,
    WriteBool,
    WriteSlugList {
        key: String,
    },
    DeclarePlaceholder {
        key: String,
    },
    RenameDuplicate,
    /// The page takes the address of a folder without `_index.md`: this is
    /// where it would have to stand to be that folder's page.
    BecomeSectionPage(String),
    UnsafeLink,
    /// One of the pages it may mean, as the example to write.
    AddSection(String),
    MissingAnchorList(String),
    TargetIsDraft,
    /// Take a draft's name out of a reference list, or publish the draft.
    ReferencedDraft,
    /// A reference's name is a page of another kind: which, and where.
    OtherKind {
        file: String,
        kind: String,
    },
    KnownShortcodes(String),
    /// The theme's page templates, for a `template:` that names none.
    KnownTemplates(String),
    WriteArgument {
        name: String,
        arg: String,
    },
    DescribeImage,
    /// A link into Docusaurus' `static/` folder, which it publishes at
    /// the site's top: where its file is to go (`img/x.png`).
    StaticFolder(String),
    SnippetIsPage,
    SnippetNaming,
    QuoteHashValue(String),
    ReplaceTodo {
        marker: String,
    },
    ResolveConflict,
    EditionDrift {
        edition: String,
        path: String,
    },
    /// The YAML hint that goes with a [`YamlIssue`].
    Yaml(YamlIssue),

    // --- mistakes that used to pass in silence
    /// The link's target lacks its closing `)`.
    CloseLink,
    /// Write what a picture shows into its description.
    DescribePicture,
    /// Keep a picture beside the page instead of loading it from elsewhere.
    PictureBesidePage,
    /// The e-mail address as it is meant (with `@`, without `mailto:`).
    WriteEmail(String),
    /// The link's target has a space, which ends it.
    SpaceInLink,
    /// The front matter's keys are English: `duration:`, not `Dauer:`.
    EnglishKey {
        key: String,
        english: String,
    },
    /// `programme` hides only a file of that name: `programme/**` the folder.
    HideFolder(String),
    /// Link the legal pages by role, only where they exist.
    LinkByRole,
    /// Name the command that lists the valid slugs, and a few of them.
    ListValid {
        command: String,
        some: String,
    },

    /// What to write instead of another tool's syntax.
    Foreign(super::foreign::ForeignIssue),
}
