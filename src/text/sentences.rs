//! Sentence splitting for news text.
//!
//! Rules:
//! - a blank line (a line break, optional spaces, a line break) always ends a sentence: it is a
//!   paragraph break; a single line break is not (hard-wrapped text);
//! - `.`, `!` or `?`, optionally followed by closing quotes or brackets, ends a sentence when
//!   whitespace follows and the next word starts with a capital letter, a digit or an opening
//!   quote or bracket;
//! - a period after an abbreviation (`Mr.`, `Oct.`, `No.`, `U.S.`) or an initial (`J.`) does not,
//!   unless the abbreviation often ends sentences (`U.S.`, `Inc.`) and a sentence-opening word
//!   (`The`, `He`, `But`) follows.
//!
//! Spans are trimmed of surrounding whitespace and never empty.
//!
//! ```
//! use wirescan::text::sentences::split;
//! let text = "On Oct. 3 the U.S. said so. \"It is over,\" he said.\n\nNext paragraph";
//! let s: Vec<&str> = split(text).iter().map(|s| &text[s.byte_start..s.byte_end]).collect();
//! assert_eq!(s, ["On Oct. 3 the U.S. said so.", "\"It is over,\" he said.", "Next paragraph"]);
//! let text = "Sanctions came from the U.S. The U.S. Treasury said so.";
//! let s: Vec<&str> = split(text).iter().map(|s| &text[s.byte_start..s.byte_end]).collect();
//! assert_eq!(s, ["Sanctions came from the U.S.", "The U.S. Treasury said so."]);
//! ```

use super::normalize::OrigSpan;
use super::CharMap;

/// Abbreviations after which a period does not end a sentence (compared in lower case).
fn abbreviation(word: &str) -> bool {
    matches!(
        word,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "sr"
            | "jr"
            | "st"
            | "gen"
            | "lt"
            | "col"
            | "sgt"
            | "capt"
            | "cmdr"
            | "adm"
            | "gov"
            | "sen"
            | "rep"
            | "rev"
            | "hon"
            | "pres"
            | "no"
            | "nos"
            | "vol"
            | "fig"
            | "inc"
            | "ltd"
            | "co"
            | "corp"
            | "vs"
            | "etc"
            | "approx"
            | "est"
            | "mt"
            | "ft"
            | "ave"
            | "blvd"
    ) || us_state_abbreviation(word)
}

/// The abbreviations of US states that news style (AP) writes with a period (`Calif.`,
/// `Fla.`, `R-Ill.`, lower case; two-letter ones with inner periods such as `N.J.` are dotted
/// acronyms already). They often end sentences too (see [`can_end_sentence`]).
fn us_state_abbreviation(word: &str) -> bool {
    // `(R-Fla.)`, `D-Calif.`: the party prefix of a congressional designation.
    let word = word
        .strip_prefix("r-")
        .or_else(|| word.strip_prefix("d-"))
        .or_else(|| word.strip_prefix("i-"))
        .unwrap_or(word);
    matches!(
        word,
        "ala"
            | "ariz"
            | "ark"
            | "calif"
            | "colo"
            | "conn"
            | "del"
            | "fla"
            | "ga"
            | "ill"
            | "ind"
            | "kan"
            | "kans"
            | "ky"
            | "la"
            | "md"
            | "mass"
            | "mich"
            | "minn"
            | "miss"
            | "mo"
            | "mont"
            | "neb"
            | "nev"
            | "okla"
            | "ore"
            | "pa"
            | "tenn"
            | "tex"
            | "va"
            | "vt"
            | "wash"
            | "wis"
            | "wyo"
    )
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '}')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '„')
}

/// The longest word [`word_before`] looks back over: abbreviations are short, and a bound keeps
/// a long dotted run (`1.1.1.…`, `U.S.U.S.…`) linear instead of rescanning it at every period.
const MAX_ABBREVIATION: usize = 24;

/// The word that ends right before byte `end` (letters and inner periods: `U.S`); empty when it
/// is longer than [`MAX_ABBREVIATION`] characters, which no abbreviation is.
fn word_before(text: &str, end: usize) -> &str {
    let mut start = end;
    for (n, (i, c)) in text[..end].char_indices().rev().enumerate() {
        if !(c.is_alphanumeric() || c == '.') {
            break;
        }
        if n == MAX_ABBREVIATION {
            return "";
        }
        start = i;
    }
    &text[start..end]
}

/// Abbreviations that often end a sentence too (`… imposed by the U.S. The move …`), besides
/// dotted acronyms.
fn can_end_sentence(word: &str) -> bool {
    matches!(word, "inc" | "ltd" | "co" | "corp" | "jr" | "sr" | "etc")
        || us_state_abbreviation(word)
}

/// Capitalised function words that start sentences and hardly ever follow an abbreviation inside
/// one: after `U.S.` or `Inc.`, they mean the period ended the sentence.
fn sentence_starter(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "But"
            | "And"
            | "In"
            | "On"
            | "At"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "There"
            | "However"
            | "Meanwhile"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
    )
}

/// The word after the whitespace that follows byte `pos`, if whitespace follows.
fn word_after(text: &str, pos: usize) -> &str {
    let rest = &text[pos..];
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        return "";
    }
    let end = trimmed
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(trimmed.len());
    &trimmed[..end]
}

/// Does a period at byte `dot` close an abbreviation or an initial rather than a sentence?
pub(crate) fn abbreviation_period(text: &str, dot: usize) -> bool {
    let w = word_before(text, dot);
    if w.is_empty() {
        return false;
    }
    // `U.S`, `U.N`, `e.g`: letters separated by periods.
    if w.contains('.') {
        return w.split('.').all(|p| p.chars().count() <= 2)
            && !sentence_starter(word_after(text, dot + 1));
    }
    let mut chars = w.chars();
    let first = chars.next();
    // A single capital letter: an initial (`J. Austin`).
    if first.is_some_and(|c| c.is_uppercase()) && chars.next().is_none() {
        return true;
    }
    let lower = w.to_lowercase();
    if can_end_sentence(&lower) && sentence_starter(word_after(text, dot + 1)) {
        return false;
    }
    // `No. 5`, `Nos. 3 and 4`: a number follows; `voted no. One...` ends a sentence.
    if matches!(lower.as_str(), "no" | "nos") {
        return text[dot + 1..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit());
    }
    // A month's short form (`Oct. 3`); the full name ends sentences (`in October. Three...`).
    abbreviation(&lower)
        || (super::is_month_word(&lower)
            && lower.len() <= 4
            && !matches!(lower.as_str(), "may" | "june" | "july"))
}

#[inline]
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Splits `text` into sentences; spans are in bytes and characters of `text`. Linear time, and
/// no memory beyond the result.
pub fn split(text: &str) -> Vec<OrigSpan> {
    let b = text.as_bytes();
    let len = b.len();
    let mut cuts: Vec<usize> = Vec::new(); // byte positions where a sentence ends
    let mut i = 0;
    'scan: while i < len {
        // Skip to the next byte that can matter (`…` starts with 0xE2, a char boundary).
        if !matches!(b[i], b'\n' | b'.' | b'!' | b'?' | 0xE2) {
            i += 1;
            continue;
        }
        let c = char_at(text, i);
        if c == '\n' {
            // A blank line: `\n`, spaces, `\n`.
            let mut j = i + 1;
            while j < len {
                let d = char_at(text, j);
                if d == '\n' {
                    cuts.push(i);
                    i = j + 1;
                    continue 'scan;
                }
                if !d.is_whitespace() {
                    break;
                }
                j += d.len_utf8();
            }
            i += 1;
            continue;
        }
        if !is_terminator(c) {
            i += c.len_utf8();
            continue;
        }
        // Runs of terminators (`?!`, `...`), then closing quotes or brackets.
        let mut j = i + c.len_utf8();
        while j < len && is_terminator(char_at(text, j)) {
            j += char_at(text, j).len_utf8();
        }
        let single = j == i + c.len_utf8();
        while j < len && is_closing(char_at(text, j)) {
            j += char_at(text, j).len_utf8();
        }
        let mut ws = j;
        while ws < len && char_at(text, ws).is_whitespace() {
            ws += char_at(text, ws).len_utf8();
        }
        let starts_sentence = ws >= len || {
            let d = char_at(text, ws);
            d.is_uppercase() || d.is_ascii_digit() || is_opening(d) || !d.is_alphabetic()
        };
        let spaced = ws > j || j == len;
        let abbrev = c == '.' && single && abbreviation_period(text, i);
        if spaced && starts_sentence && !abbrev {
            cuts.push(j);
        }
        i = j;
    }
    cuts.push(text.len());
    // Turn cut points into trimmed, non-empty spans with character offsets.
    let mut out = Vec::with_capacity(cuts.len());
    let chars = CharMap::new(text);
    let mut start = 0usize;
    for cut in cuts {
        if cut < start {
            continue;
        }
        let piece = &text[start..cut];
        let lead = piece.len() - piece.trim_start().len();
        let body = piece.trim();
        if !body.is_empty() {
            let b0 = start + lead;
            out.push(OrigSpan {
                char_start: chars.get(b0),
                char_end: chars.get(b0 + body.len()),
                byte_start: b0,
                byte_end: b0 + body.len(),
            });
        }
        start = cut;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sents(text: &str) -> Vec<&str> {
        split(text)
            .iter()
            .map(|s| &text[s.byte_start..s.byte_end])
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            sents("Mr. Kim met Dr. Lee on Oct. 3 in the U.S. capital. J. Smith left."),
            [
                "Mr. Kim met Dr. Lee on Oct. 3 in the U.S. capital.",
                "J. Smith left."
            ]
        );
        assert_eq!(
            sents("He won No. 1 spot. Then he left."),
            ["He won No. 1 spot.", "Then he left."]
        );
    }

    #[test]
    fn abbreviations_that_end_sentences() {
        assert_eq!(
            sents("Troops left the U.S. He said so. Talks with the U.N. But not now."),
            [
                "Troops left the U.S.",
                "He said so.",
                "Talks with the U.N.",
                "But not now."
            ]
        );
        assert_eq!(
            sents("Shares of Acme Inc. The firm said. Mr. The Rock arrived."),
            [
                "Shares of Acme Inc.",
                "The firm said.",
                "Mr. The Rock arrived."
            ]
        );
        // Not a sentence opener: the abbreviation keeps its period inside the sentence.
        assert_eq!(
            sents("The U.S. Army and U.S. President Joe Biden met Gen. He Weidong."),
            ["The U.S. Army and U.S. President Joe Biden met Gen. He Weidong."]
        );
    }

    #[test]
    fn full_month_names_and_a_bare_no_end_sentences() {
        // A short month form keeps its period; a full name (May, June and July included) and a
        // `no.` not followed by a number end the sentence.
        assert_eq!(
            sents("The vote was held in March. Four members left. It opens Oct. 9 or in May. Two more."),
            [
                "The vote was held in March.",
                "Four members left.",
                "It opens Oct. 9 or in May.",
                "Two more."
            ]
        );
        assert_eq!(
            sents("The board voted no. One member abstained on Item No. 4 and Nos. 5 and 6."),
            [
                "The board voted no.",
                "One member abstained on Item No. 4 and Nos. 5 and 6."
            ]
        );
    }

    #[test]
    fn quotes_and_paragraphs() {
        assert_eq!(
            sents("He said, \u{201c}It is over.\u{201d} Then he left!\n\nNew paragraph\nwrapped here."),
            [
                "He said, \u{201c}It is over.\u{201d}",
                "Then he left!",
                "New paragraph\nwrapped here."
            ]
        );
        assert_eq!(sents("Headline\n\nBody text."), ["Headline", "Body text."]);
        assert_eq!(
            sents("a lowercase. continuation"),
            ["a lowercase. continuation"]
        );
        assert_eq!(
            sents("Really?! Yes... Fine."),
            ["Really?!", "Yes...", "Fine."]
        );
        assert_eq!(sents("Wait... and then"), ["Wait... and then"]);
    }

    #[test]
    fn empty_and_blank() {
        assert!(split("").is_empty());
        assert!(split(" \n\n \n").is_empty());
        assert_eq!(sents("One."), ["One."]);
    }

    proptest! {
        #[test]
        fn spans_are_valid(s in "\\PC{0,80}") {
            let spans = split(&s);
            let mut prev = 0;
            for sp in &spans {
                prop_assert!(sp.byte_start >= prev && sp.byte_start < sp.byte_end);
                prop_assert!(s.is_char_boundary(sp.byte_start) && s.is_char_boundary(sp.byte_end));
                prop_assert_eq!(s[..sp.byte_start].chars().count(), sp.char_start);
                prop_assert_eq!(s[..sp.byte_end].chars().count(), sp.char_end);
                prop_assert_eq!(s[sp.byte_start..sp.byte_end].trim(), &s[sp.byte_start..sp.byte_end]);
                prev = sp.byte_end;
            }
        }
    }
}
