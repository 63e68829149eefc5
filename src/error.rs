//! The core's error type: a kind callers can branch on, and a message for people.

use std::fmt;

/// What went wrong, for callers that map errors to their own types (the Python binding maps each
/// kind to its own exception class).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A gazetteer record is malformed, duplicated or conflicting.
    Gazetteer,
    /// The input text cannot be processed (for example, over 2 GiB).
    Text,
    /// An option has a value outside its domain.
    Option,
    /// A bug: a panic caught at the boundary, or a broken internal invariant.
    Internal,
    /// The caller stopped a batch before it finished (see
    /// [`Extractor::extract_batch_watched`](crate::pipeline::Extractor::extract_batch_watched)).
    Cancelled,
}

/// An error from the wirescan core.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    record: Option<usize>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            record: None,
        }
    }

    pub(crate) fn cancelled() -> Self {
        Error::new(ErrorKind::Cancelled, "the batch was cancelled")
    }

    pub(crate) fn gazetteer(record: Option<usize>, message: impl Into<String>) -> Self {
        Error {
            kind: ErrorKind::Gazetteer,
            message: message.into(),
            record,
        }
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message, without the record number.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// For gazetteer errors: the 0-based index of the offending record, when one is to blame.
    /// Readers of files map it to their file and line.
    pub fn record(&self) -> Option<usize> {
        self.record
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.record {
            Some(r) => write!(f, "record {}: {}", r, self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}

/// The core's result type.
pub type Result<T> = std::result::Result<T, Error>;
