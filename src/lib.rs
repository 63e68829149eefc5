//! wirescan: entities, numbers and quotes from news text.
//!
//! The core modules are plain Rust. The Python extension (`wirescan._core`) lives in
//! `src/python/` behind the `python` cargo feature and only converts types.

pub mod error;
pub mod frames;
pub mod gazetteer;
pub mod numbers;
pub mod people;
pub mod pipeline;
pub mod quotes;
pub mod runtime;
pub mod state;
pub mod text;

pub use error::{Error, ErrorKind, Result};
pub use gazetteer::{Gazetteer, GazetteerOptions, Mention};
pub use pipeline::{AttributedNumber, Document, ExtractOptions, Extractor};
#[cfg(feature = "python")]
mod python;
