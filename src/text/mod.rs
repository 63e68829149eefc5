//! Text handling: normalisation with an offset map back to the original text.

mod casefold_table;
pub mod normalize;
pub mod sentences;

pub use normalize::{is_word_char, NormOptions, NormText};

/// Month names and their abbreviations, in lower case (`october`, `oct`, `sept`).
pub fn is_month_word(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}
