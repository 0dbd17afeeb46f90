//! How a command fails: the user's invocation (exit 2) or the content (exit 1).

use crate::diagnostics::Diagnostics;

/// A usage problem (not the content's fault): exit code 2. Its words are in
/// the message catalogue, beside the content's.
pub use crate::diagnostics::Usage as UsageError;

#[derive(Debug)]
pub enum Failure {
    Usage(UsageError),
    Content(Diagnostics),
}

impl From<Diagnostics> for Failure {
    fn from(d: Diagnostics) -> Self {
        Failure::Content(d)
    }
}

impl From<UsageError> for Failure {
    fn from(e: UsageError) -> Self {
        Failure::Usage(e)
    }
}
