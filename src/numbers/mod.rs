//! Numbers: the value, what is counted, and how sure the text is.
//!
//! The text is normalised (the same offset map as entity matching) and tokenised into words,
//! digit groups and punctuation; a left-to-right parser then reads, at each token, the longest
//! number it can: digits with separators, decimals and magnitudes (`1.5 million`, `$63.4bn`,
//! `10K`), number words (`twenty-one thousand five hundred`, `a dozen`, `half a million`),
//! percentages, money, fractions and proportions (`two-thirds`, `one in five`, `nine out of 10`),
//! ranks (`finished third`, `the 8th`), ranges (`between 10,000 and 12,000`, `10,000-12,000`) and
//! vague magnitudes (`tens of thousands`). The qualifier before it (`more than`, `around`) and the
//! counted noun phrase after it (`seven Russian ships` -> `Russian ships`, head `ships`) are
//! attached.
//!
//! Dates, years, times, phone numbers, addresses and codes (`Oct. 3`, `since 2022`, `10:53 am`,
//! `G7`, `F-16`, `Resolution 2231`) are never counts: they are skipped, or returned with their own
//! kind when [`NumberOptions::include_non_counts`] is set.

mod context;
mod forms;
mod number;
mod parser;
mod ranges;
mod run;
mod tokens;
mod words;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_forms;

use crate::error::Result;
use crate::text::{NormOptions, NormText};

pub use number::{Change, NumKind, Number, NumberOptions};
use parser::Parser;
use tokens::tokenize;

/// The normalisation numbers need (the same as the default gazetteer's, so one pass can serve
/// both).
pub const NUMBER_NORM: NormOptions = NormOptions {
    fold_case: true,
    strip_diacritics: true,
};

/// Chunks are cut after a sentence end (`. `, `? `, `! `) once this many bytes are reached, so
/// that token buffers stay small on huge texts; a number never spans a sentence end.
const CHUNK_BYTES: usize = 1 << 16;

/// How far from a chunk cut no digit may stand: the parser's context (a qualifier before, a
/// range's other end, a month, an object after) reaches fewer words than this.
const CUT_MARGIN: usize = 64;

/// Where the chunk that starts at byte `from` of the normalised text `t` ends (a char boundary).
///
/// The cut must be where no number, date or range can span it: the first place after
/// `CHUNK_BYTES` that is a paragraph break or a sentence end (`. ` not closing an abbreviation
/// or a month: `Oct. 3`) with no digit within `CUT_MARGIN` bytes either side; failing that within
/// 4x `CHUNK_BYTES`, any space with no digit that near; failing that (text dense with digits and
/// no sentence ends for 256 KB), the last space before 4x `CHUNK_BYTES`.
fn chunk_end(t: &str, from: usize) -> usize {
    let b = t.as_bytes();
    let hard = (from + 4 * CHUNK_BYTES).min(b.len());
    let lo = from + CHUNK_BYTES;
    // The nearest digits before and after the scan position, kept up to date as it moves right
    // (each byte is looked at a bounded number of times: linear).
    let horizon = (hard + CUT_MARGIN).min(b.len());
    let next_digit_from = |k: usize| (k..horizon).find(|&j| b[j].is_ascii_digit());
    let mut prev_digit = (lo.saturating_sub(CUT_MARGIN)..lo)
        .rev()
        .find(|&j| b[j].is_ascii_digit());
    let mut next_digit = next_digit_from(lo);
    let mut fallback = None;
    let mut k = lo;
    while k + 1 < hard {
        if next_digit.is_some_and(|d| d < k) {
            prev_digit = next_digit;
            next_digit = next_digit_from(k);
        }
        if b[k].is_ascii_digit() {
            prev_digit = Some(k);
        }
        let digit_free = |k: usize| {
            prev_digit.is_none_or(|d| k - d > CUT_MARGIN)
                && next_digit.is_none_or(|d| d <= k || d - k > CUT_MARGIN)
        };
        let c = b[k];
        let sentence_end = c == b'\n'
            || (matches!(c, b'.' | b'?' | b'!')
                && b[k + 1] == b' '
                && !(c == b'.' && crate::text::sentences::abbreviation_period(t, k)));
        if (sentence_end || (c == b' ' && fallback.is_none())) && digit_free(k) {
            if sentence_end {
                return boundary(t, k + 1 + usize::from(c != b'\n'));
            }
            fallback = Some(k + 1);
        }
        k += 1;
    }
    let last_space = || {
        (lo..hard)
            .rev()
            .find(|&k| b[k] == b' ' || b[k] == b'\n')
            .map(|k| k + 1)
    };
    boundary(t, fallback.or_else(last_space).unwrap_or(hard))
}

fn boundary(t: &str, mut k: usize) -> usize {
    while k < t.len() && !t.is_char_boundary(k) {
        k += 1;
    }
    k
}

/// Finds the numbers in `text`.
pub fn find_numbers(text: &str, opts: NumberOptions) -> Result<Vec<Number>> {
    let norm = NormText::new(text, NUMBER_NORM)?;
    Ok(find_numbers_in(text, &norm, opts))
}

/// Finds the numbers in `text`, given its normalisation with [`NUMBER_NORM`].
pub fn find_numbers_in(text: &str, norm: &NormText, opts: NumberOptions) -> Vec<Number> {
    let mut out = Vec::new();
    find_numbers_with(text, norm, opts, |n| out.push(n));
    out.shrink_to_fit();
    out
}

/// As [`find_numbers_in`], handing each number to `emit` in text order (a caller that stores
/// numbers in its own type builds its vector once, with no copy).
pub fn find_numbers_with(
    text: &str,
    norm: &NormText,
    opts: NumberOptions,
    mut emit: impl FnMut(Number),
) {
    let t = norm.as_str();
    let b = t.as_bytes();
    let mut last_end: Option<usize> = None;
    let mut from = 0;
    while from < b.len() {
        let mut to = b.len();
        if b.len() - from > CHUNK_BYTES {
            to = chunk_end(t, from);
        }
        let p = Parser {
            src: text,
            norm,
            t,
            toks: tokenize(t, from, to),
        };
        // Two numbers can map onto one original character when NFKC expands it (`¼` is
        // `1⁄4`): keep the first, so spans stay ordered and disjoint.
        for n in p.run(opts) {
            if last_end.is_none_or(|end| n.span.byte_start >= end) {
                last_end = Some(n.span.byte_end);
                emit(n);
            }
        }
        from = to;
    }
}
