//! What is wrong with how the tool was called (exit 2), as data: the words
//! are in [`super::catalogue`] like those of a [`super::Problem`], so a
//! German handbook's editor reads them in German too.

/// A usage problem: not the content's fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Usage {
    /// `--base-url example.org`: a host without `https://`, which would be
    /// read as a path (every address `/example.org/…`).
    BaseUrlWithoutScheme(String),
    /// No `handbook.yaml` (`file`) in `root`.
    NoConfig {
        root: String,
        file: &'static str,
    },
    UnknownEdition {
        name: String,
        /// `editions/NAME/edition.yaml`
        definition: String,
        known: Vec<String>,
    },
    /// The chain of `extends`, ending with the edition met again.
    EditionCircle(Vec<String>),
    ExtendsNoHandbook {
        edition: String,
        extends: String,
        file: &'static str,
    },
    InvalidEditionName(String),
    /// A file the command would overwrite without `--force`.
    Exists(String),
    NoUpstreamPage(String),
    /// `content/PATH.md` has no record of `edition override` in the edition `name`.
    NotForked {
        path: String,
        name: String,
    },
    ForkCopyMissing(String),
    /// The page still has the markers of the last `edition merge`.
    UnresolvedConflict(String),
    CannotRead {
        path: String,
        error: String,
    },
    UnknownPageKind(String),
    InvalidSlug(String),
    AbsolutePath(String),
    LeavesContent(String),
    OutContainsRoot(String),
    OutHoldsSources {
        out: String,
        folder: &'static str,
    },
    OutNotASite(String),
    InvalidAddress(String),
    CannotListen {
        addr: String,
        error: String,
    },
    /// The file watcher could not start.
    CannotWatch(String),
    /// An operating-system error with nothing of ours to add.
    System(String),
    /// The find index (`search-index/<name>/find/`) could not be read or written.
    FindIndex(String),
    /// `find` was given a phrase of white space only.
    EmptyPhrase,
    /// `serve --edit` with a `--bind` that is not loopback.
    EditRemoteBind(String),
}

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&super::catalogue::usage(self, super::Lang::En))
    }
}

impl std::error::Error for Usage {}
