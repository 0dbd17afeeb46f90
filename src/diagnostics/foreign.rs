//! What a handbook written for another tool (Jekyll, Hugo, Quarto,
//! Docusaurus, MkDocs, GitBook) contains that this one does not do, as
//! data. One issue is both the message and, through [`super::Hint::Foreign`],
//! what to write instead; the words are in `catalogue/foreign.rs`.

#[derive(Debug, Clone, PartialEq)]
pub enum ForeignIssue {
    /// A front-matter key of another tool that has no meaning here
    /// (`layout`, `parent`, Hugo's `menu: {main: …}`).
    IgnoredKey { key: String },
    /// `permalink: /:categories/:title/`: a pattern, not one URL.
    PermalinkPattern { key: String, value: String },
    /// Liquid (Jekyll) tags and output: `{% for … %}`, `{{ page.title }}`.
    Liquid { code: String },
    /// Hugo shortcodes: `{{< figure … >}}`, `{{% notice %}}`.
    HugoShortcode { name: String },
    /// Quarto's `{{< include file.qmd >}}`.
    QuartoInclude { path: String },
    /// GitBook's `{% hint style="info" %}` without its `{% endhint %}`.
    GitbookHint,
    /// A tag of GitBook's blocks inside a line of text.
    GitbookInLine { code: String },
    /// A line that begins like a box of MkDocs and is none it reads.
    MkdocsUnread { code: String },
    /// kramdown's inline attribute list `{: .note }`.
    KramdownAttributes { code: String },
    /// A `:::name` fence whose name is no known callout.
    UnknownCallout { name: String },
    /// A `:::note` fence without its closing `:::` line.
    UnclosedCallout { name: String },
    /// A `:::name` box written inside a quotation (`> :::note`).
    BoxInQuote { name: String },
    /// MDX's `import X from "…"`: JavaScript, not text.
    MdxImport { code: String },
    /// A JSX component (`<PersonCard …/>`, `<Tabs>`): removed, or text.
    MdxComponent { tag: String },
    /// VitePress' start page in front matter (`hero:`, `features:` under
    /// `layout: home`): its texts and buttons are not shown.
    VitepressHome { key: String },
    /// `/leitfaden/theorie/x`: an address on the old site (with its base
    /// path) of a page that is here, taken as that page.
    OldAddress { written: String, file: String },
    /// A relative link (`../formular/`) that names one page read from the
    /// file's folder (as here) and another read from the page's address
    /// (as Hugo reads it).
    ReadFromAddress(Box<Readings>),
    /// Quarto's cross-reference `@sec-management`.
    QuartoCrossRef { id: String },
    /// Pandoc's grid table (`+----+----+` lines) with joined cells or
    /// indented, which is not written as a pipe table; at its first line.
    GridTable,
    /// Pandoc's citation `[@hanson_2015]`.
    Citation { key: String },
    /// Raw HTML the sanitiser removes: a component tag, an `<iframe>`.
    RemovedHtml { tag: String },
    /// mdBook's `{{#include file}}` and its kin.
    MdbookInclude { code: String },
    /// An entry of a book's order file (`SUMMARY.md`, `_toc.yml`) that
    /// names no page.
    BookEntryMissing { written: String, file: String },
    /// An attribute list after a link, picture or emphasis (MkDocs'
    /// attr_list, Pandoc): `{ .md-button }`, `{ width="300" }`.
    AttributeList { code: String },
    /// MkDocs Material's icon `:material-download:`.
    MkdocsIcon { name: String },
    /// A text directive of remark-directive (Docusaurus):
    /// `:mdi[chevronRight]`, `:kbd[Strg]`; `more` on the same page.
    TextDirective { name: String, more: usize },
    /// Obsidian's embed of a page, `![[Seite]]`, which shows the page's
    /// text in Obsidian and is a link to it here.
    WikiPageEmbed { target: String },
    /// A JSX attribute in braces (MDX): `<img src={require(…)} />`.
    JsxAttribute { tag: String },
    /// A MyST directive (Sphinx, Jupyter Book) without a counterpart
    /// here: ```` ```{code-cell} ````, `{toctree}`, `{margin}`.
    MystDirective { name: String },
    /// A code cell of Quarto or R Markdown (```` ```{r} ````): its code
    /// shows, its result does not.
    CodeCell { language: String },
    /// A diagram written as text (```` ```mermaid ````, PlantUML,
    /// Graphviz), which other tools draw with a script: it shows as its
    /// source. Named once per page with how many more follow.
    Diagram { language: String, more: usize },
    /// A MyST role before a code span: ``{ref}`antrag` ``, `{cite}`.
    MystRole { name: String },
    /// VitePress' inclusions and values: `<<< @/snippets/x.js`,
    /// `@[code](./x.js)`, `<!--@include: ./teil.md-->`,
    /// `{{ $frontmatter.title }}`.
    Vitepress { code: String },
    /// The `[[toc]]` marker of VitePress and markdown-it.
    TocMarker,
    /// A page of another tool written as HTML with front matter (Hugo's
    /// `_index.html`): not published.
    HtmlPage,
    /// Pages of a multilingual site in another language than the
    /// handbook's (Hugo's `kontakt.en.md`): `count` of them, left out.
    OtherLanguage {
        code: String,
        count: usize,
        own: String,
    },
    /// `faq.de.md` beside `faq.md` in a handbook in German: one page
    /// twice; the plain file's is taken.
    LanguageTwin { own: String },
    /// Jupyter Book's `root:` page, which is no start page here.
    BookRoot { page: String },
    /// Pages an order file does not list, which its tool (mdBook, GitBook,
    /// Jupyter Book) leaves out and which are published here: how many,
    /// the first few by name.
    BookUnlisted {
        file: String,
        count: usize,
        names: String,
    },
    /// A MyST target line `(antrag)=`, naming the heading after it.
    MystTarget { label: String },
    /// MyST's `{include}` of a file that is not in the content folder.
    IncludeMissing { written: String },
    /// MyST's `{include}` whose `:start-after:` or `:end-before:` text is
    /// not in the file it includes.
    IncludePartMissing { marker: String, file: String },
}

/// A link as written, and the two files it names read from the file's
/// folder (`file`) and from the page's address (`other`); boxed, as three
/// names would make every diagnostic larger.
#[derive(Debug, Clone, PartialEq)]
pub struct Readings {
    pub written: String,
    pub file: String,
    pub other: String,
}
