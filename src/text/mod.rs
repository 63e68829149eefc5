//! Text handling: normalisation with an offset map back to the original text.

mod casefold_table;
pub mod normalize;
pub mod sentences;

pub use normalize::{is_word_char, NormOptions, NormText};
