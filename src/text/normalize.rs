//! Normalisation with an offset map.
//!
//! Matching runs on a normalised copy of the text: NFKC, full case folding, typographic
//! apostrophes/quotes/dashes mapped to ASCII, every run of whitespace (newlines, NBSP, ...) folded to
//! one space (one `\n` when the run holds a blank line: a paragraph break that no match crosses;
//! superscript digits are kept and a vulgar fraction after a digit gets a space before it, so that
//! NFKC glues no digits together), invisible format characters (soft hyphen, zero-width space, BOM) dropped, and
//! optionally Latin/Greek/Cyrillic diacritics stripped. [`NormText`] keeps a sparse map from every
//! normalised byte back to the original text, in bytes and in characters (code points), so a span
//! found in the normalised text leaves the core as a span of the caller's string.
//!
//! ```
//! use wirescan::text::{NormOptions, NormText};
//! let src = "LLoyd\n  Austin’s";
//! let norm = NormText::new(src, NormOptions::default()).unwrap();
//! assert_eq!(norm.as_str(), "lloyd austin's");
//! let span = norm.to_original(0, 12); // "lloyd austin"
//! assert_eq!((span.char_start, span.char_end), (0, 14));
//! assert_eq!(&src[span.byte_start..span.byte_end], "LLoyd\n  Austin");
//! ```
//!
//! The map is a list of anchors. Between two anchors the text is either *linear* (one ASCII byte
//! in, one ASCII byte out: positions advance together) or *opaque* (one original segment that
//! became any number of bytes: every byte inside maps to the whole segment). Plain ASCII prose needs
//! anchors only at collapsed whitespace runs, so the map is small and the fast path stays fast.
//!
//! Composition is done per segment: a starter and the combining marks that follow it. Hangul
//! conjoining jamo (letters, not marks) are therefore not composed into syllables.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

use super::casefold_table::CASEFOLD_SPECIAL;
use super::swar::plain_run_end;
use crate::error::{Error, ErrorKind, Result};

/// How text is normalised. Both sides of a match (aliases and documents) must use the same options.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NormOptions {
    /// Apply full Unicode case folding (`ß` → `ss`, `İ` → `i̇`, `Σ` → `σ`).
    pub fold_case: bool,
    /// Drop combining diacritical marks (U+0300–U+036F) after canonical decomposition, so that
    /// `São Paulo` and `Sao Paulo` normalise alike. Marks of other scripts are kept.
    pub strip_diacritics: bool,
}

impl Default for NormOptions {
    fn default() -> Self {
        NormOptions {
            fold_case: true,
            strip_diacritics: true,
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Anchor {
    norm: u32,
    chr: u32,
    byte: u32,
    linear: bool,
}

/// A span of the original text, in bytes and in characters (code points).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OrigSpan {
    /// First character of the span (a Python `str` index).
    pub char_start: usize,
    /// One past the last character.
    pub char_end: usize,
    /// First byte of the span in the original UTF-8 text.
    pub byte_start: usize,
    /// One past the last byte.
    pub byte_end: usize,
}

/// A normalised copy of a text with a map back to the original.
#[derive(Clone, Debug)]
pub struct NormText {
    text: String,
    anchors: Vec<Anchor>,
}

/// Is `ch` part of a word? Letters, digits and combining marks are; everything else (spaces,
/// punctuation, apostrophes, hyphens, symbols) separates words.
#[inline]
pub fn is_word_char(ch: char) -> bool {
    if ch.is_ascii() {
        ch.is_ascii_alphanumeric()
    } else {
        ch.is_alphanumeric() || is_combining_mark(ch)
    }
}

/// Characters that carry no visible text and are dropped: soft hyphen, zero-width space and
/// joiners, word joiner, BOM, bidi marks.
#[inline]
fn is_ignorable(ch: char) -> bool {
    matches!(
        ch,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
    )
}

/// Typographic punctuation mapped to its ASCII counterpart.
#[inline]
fn typographic(ch: char) -> char {
    match ch {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => '-',
        _ => ch,
    }
}

#[inline]
fn is_strippable_mark(ch: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&ch)
}

#[inline]
fn char_at(s: &str, i: usize) -> char {
    // `i` is always a char boundary inside `s`; a default keeps this panic-free regardless.
    s[i..].chars().next().unwrap_or('\u{FFFD}')
}

struct Builder<'a> {
    opts: NormOptions,
    out: Vec<u8>,
    anchors: Vec<Anchor>,
    track: bool,
    src: &'a str,
}

impl Builder<'_> {
    /// Records that normalised position `out.len()` corresponds to original char `c`, byte `i`.
    /// An anchor at the same normalised position as the previous one replaces it (the previous one
    /// covered no output).
    #[inline]
    fn anchor(&mut self, c: usize, i: usize, linear: bool) {
        if !self.track {
            return;
        }
        let a = Anchor {
            norm: self.out.len() as u32,
            chr: c as u32,
            byte: i as u32,
            linear,
        };
        match self.anchors.last_mut() {
            Some(last) if last.norm == a.norm => *last = a,
            _ => self.anchors.push(a),
        }
    }

    #[inline]
    fn push_char(&mut self, ch: char) {
        let mut buf = [0u8; 4];
        self.out
            .extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
    }

    fn emit_folded(&mut self, ch: char) {
        let ch = typographic(ch);
        if self.opts.strip_diacritics && !ch.is_ascii() {
            let mut parts = [char::default(); 8];
            let mut n = 0usize;
            let mut has_mark = false;
            let mut overflow = false;
            decompose_canonical(ch, |d| {
                if n < parts.len() {
                    parts[n] = d;
                    n += 1;
                } else {
                    overflow = true;
                }
                has_mark |= is_strippable_mark(d);
            });
            if has_mark && !overflow {
                for &d in &parts[..n] {
                    if !is_strippable_mark(d) {
                        self.push_char(d);
                    }
                }
                return;
            }
        }
        self.push_char(ch);
    }

    fn emit(&mut self, ch: char) {
        if !self.opts.fold_case {
            self.emit_folded(ch);
        } else if ch.is_ascii() {
            self.emit_folded(ch.to_ascii_lowercase());
        } else if let Ok(k) = CASEFOLD_SPECIAL.binary_search_by_key(&ch, |e| e.0) {
            for f in CASEFOLD_SPECIAL[k].1.chars() {
                self.emit_folded(f);
            }
        } else {
            for f in ch.to_lowercase() {
                self.emit_folded(f);
            }
        }
    }

    /// The normalised text and its anchors; None when it outgrows [`MAX_EXPANSION`].
    fn run(mut self) -> Option<(String, Vec<Anchor>)> {
        let src = self.src;
        let bytes = src.as_bytes();
        let len = bytes.len();
        let mut i = 0usize; // byte position in src
        let mut c = 0usize; // char position in src
        let mut need_anchor = false;
        while i < len {
            let b = bytes[i];
            if b < 0x80 {
                let is_ws = b == b' ' || (b'\t'..=b'\r').contains(&b);
                let next_non_ascii = i + 1 < len && bytes[i + 1] >= 0x80;
                if !(is_ws || next_non_ascii && is_combining_mark(char_at(src, i + 1))) {
                    // The fast path: a run of ASCII bytes, one byte out for each byte in.
                    if need_anchor {
                        self.anchor(c, i, true);
                        need_anchor = false;
                    }
                    let start = i;
                    // A single space stays linear; a run is collapsed by the slow path.
                    i = plain_run_end(bytes, i + 1);
                    // The byte before a non-ASCII combining mark belongs to the mark's segment.
                    if i < len
                        && bytes[i] >= 0x80
                        && i - 1 > start
                        && is_combining_mark(char_at(src, i))
                    {
                        i -= 1;
                    }
                    let run = &bytes[start..i];
                    if self.opts.fold_case {
                        self.out.extend(run.iter().map(|b| b.to_ascii_lowercase()));
                    } else {
                        self.out.extend_from_slice(run);
                    }
                    c += i - start;
                    continue;
                }
                if is_ws && !(i + 1 < len && starts_space(src, i + 1)) {
                    // A lone ASCII whitespace character: one byte in, one space out.
                    if need_anchor {
                        self.anchor(c, i, true);
                        need_anchor = false;
                    }
                    self.out.push(b' ');
                    i += 1;
                    c += 1;
                    continue;
                }
            }
            let ch = char_at(src, i);
            if ch.is_whitespace() {
                // A run of whitespace (and invisible characters inside it) becomes one space, or
                // one newline when it holds a blank line (a paragraph break), which no alias
                // contains: matches never cross paragraphs, while a hard-wrapped line still joins.
                let start_c = c;
                let start_i = i;
                let mut breaks = 0;
                while i < len {
                    let nc = char_at(src, i);
                    if nc.is_whitespace() || is_ignorable(nc) {
                        breaks += match nc {
                            '\n' => 1,
                            '\u{2029}' => 2,
                            _ => 0,
                        };
                        i += nc.len_utf8();
                        c += 1;
                    } else {
                        break;
                    }
                }
                self.anchor(start_c, start_i, false);
                self.out.push(if breaks >= 2 { b'\n' } else { b' ' });
                self.anchor(c, i, true);
                need_anchor = false;
                continue;
            }
            if is_ignorable(ch) {
                i += ch.len_utf8();
                c += 1;
                need_anchor = true;
                continue;
            }
            // A segment: a starter and the combining marks that follow it.
            let start_c = c;
            let start_i = i;
            i += ch.len_utf8();
            c += 1;
            while i < len {
                let nc = char_at(src, i);
                if is_combining_mark(nc) {
                    i += nc.len_utf8();
                    c += 1;
                } else {
                    break;
                }
            }
            self.anchor(start_c, start_i, false);
            // A text that NFKC blows up (`\u{fdfa}` is 18 letters) is refused as soon as its
            // normalised form outgrows the bound, not after building gigabytes of it.
            if self.track && self.out.len() > MAX_EXPANSION * i + (1 << 20) {
                return None;
            }
            let seg = &src[start_i..i];
            if is_super_or_subscript_digit(ch) {
                // Kept as they are: NFKC would glue a footnote mark or an exponent onto the
                // number before it (`1500¹` -> `15001`, `10²` -> `102`).
                self.emit(ch);
            } else {
                // A vulgar fraction after a digit (`3½`) is NFKC `1⁄2`: a space keeps it apart
                // from the whole number before it (`3 1⁄2`, not `31⁄2`).
                if is_vulgar_fraction(ch) && self.out.last().is_some_and(u8::is_ascii_digit) {
                    self.out.push(b' ');
                }
                for nch in seg.nfkc() {
                    self.emit(nch);
                }
            }
            self.anchor(c, i, true);
            need_anchor = false;
        }
        self.anchor(c, i, true);
        // Only whole UTF-8 sequences were pushed; the check is cheap and keeps this safe.
        let text = String::from_utf8(self.out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        Some((text, self.anchors))
    }
}

/// How much larger than the original text (plus 1 MiB) its normalised form may grow. Real text
/// grows by a few percent at most (ligatures, full-width letters); only text made of characters
/// such as U+FDFA (one character, 18 letters) grows more.
pub const MAX_EXPANSION: usize = 8;

/// Superscript and subscript digits (`¹²³⁴`, `₂`).
fn is_super_or_subscript_digit(c: char) -> bool {
    matches!(c, '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{2070}' | '\u{2074}'..='\u{2079}' | '\u{2080}'..='\u{2089}')
}

/// Vulgar fractions (`½`, `¾`, `⅓`, `⅞`, ...), whose NFKC form is `digits ⁄ digits`.
fn is_vulgar_fraction(c: char) -> bool {
    matches!(c, '\u{bc}'..='\u{be}' | '\u{2150}'..='\u{215f}' | '\u{2189}')
}

#[inline]
fn starts_space(src: &str, i: usize) -> bool {
    let b = src.as_bytes()[i];
    if b < 0x80 {
        b == b' ' || (b'\t'..=b'\r').contains(&b)
    } else {
        let ch = char_at(src, i);
        ch.is_whitespace() || is_ignorable(ch)
    }
}

/// Normalises `src` without building an offset map (for aliases and case checks).
pub fn normalize_str(src: &str, opts: NormOptions) -> String {
    let b = Builder {
        opts,
        out: Vec::with_capacity(src.len()),
        anchors: Vec::new(),
        track: false,
        src,
    };
    b.run().map(|r| r.0).unwrap_or_default()
}

impl NormText {
    /// Normalises `src`. Fails only for a text over 2 GiB, one whose normalised form would grow
    /// more than [`MAX_EXPANSION`] times, or one whose normalised form exceeds 4 GiB.
    pub fn new(src: &str, opts: NormOptions) -> Result<NormText> {
        if src.len() > u32::MAX as usize / 2 {
            return Err(Error::new(
                ErrorKind::Text,
                format!(
                    "text of {} bytes is too large (the limit is 2 GiB per text)",
                    src.len()
                ),
            ));
        }
        let b = Builder {
            opts,
            out: Vec::with_capacity(src.len() + 8),
            anchors: vec![Anchor {
                norm: 0,
                chr: 0,
                byte: 0,
                linear: true,
            }],
            track: true,
            src,
        };
        let Some((text, anchors)) = b.run() else {
            return Err(Error::new(
                ErrorKind::Text,
                format!(
                    "text of {} bytes grows more than {MAX_EXPANSION}x under Unicode normalisation \
                     (compatibility characters such as U+FDFA); refused before matching",
                    src.len()
                ),
            ));
        };
        if text.len() > u32::MAX as usize {
            return Err(Error::new(
                ErrorKind::Text,
                "normalised text exceeds 4 GiB; split the text",
            ));
        }
        Ok(NormText { text, anchors })
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Number of anchors in the offset map (a measure of how far the text is from plain ASCII).
    pub fn anchor_count(&self) -> usize {
        self.anchors.len()
    }

    /// Maps the normalised byte span `[start, end)` back to the original text. A span that starts
    /// or ends inside an expanded segment (`ß` → `ss`) covers the whole original segment.
    pub fn to_original(&self, start: usize, end: usize) -> OrigSpan {
        let (char_start, byte_start) = self.locate_start(start);
        if end <= start {
            return OrigSpan {
                char_start,
                char_end: char_start,
                byte_start,
                byte_end: byte_start,
            };
        }
        let last = end - 1;
        let k = self.anchor_index(last);
        let a = self.anchors[k];
        let (char_end, byte_end) = if a.linear {
            let d = last - a.norm as usize + 1;
            (a.chr as usize + d, a.byte as usize + d)
        } else {
            match self.anchors.get(k + 1) {
                Some(n) => (n.chr as usize, n.byte as usize),
                None => (a.chr as usize, a.byte as usize),
            }
        };
        OrigSpan {
            char_start,
            char_end,
            byte_start,
            byte_end,
        }
    }

    /// The original byte where normalised position `pos` starts, as [`NormText::to_original`]
    /// gives it, for positions asked in increasing order: `hint` (start at 0) is the anchor
    /// the previous call ended at, and the map is walked forward from it.
    #[inline]
    pub fn original_byte(&self, pos: usize, hint: &mut usize) -> usize {
        let mut k = (*hint).min(self.anchors.len() - 1);
        if self.anchors[k].norm as usize > pos {
            k = self.anchor_index(pos);
        }
        while self
            .anchors
            .get(k + 1)
            .is_some_and(|a| a.norm as usize <= pos)
        {
            k += 1;
        }
        *hint = k;
        let a = self.anchors[k];
        if a.linear {
            a.byte as usize + (pos - a.norm as usize)
        } else {
            a.byte as usize
        }
    }

    #[inline]
    fn anchor_index(&self, pos: usize) -> usize {
        // anchors[0].norm == 0, so the partition point is at least 1.
        self.anchors
            .partition_point(|a| a.norm as usize <= pos)
            .saturating_sub(1)
    }

    #[inline]
    fn locate_start(&self, pos: usize) -> (usize, usize) {
        let a = self.anchors[self.anchor_index(pos)];
        if a.linear {
            let d = pos - a.norm as usize;
            (a.chr as usize + d, a.byte as usize + d)
        } else {
            (a.chr as usize, a.byte as usize)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> NormText {
        NormText::new(s, NormOptions::default()).expect("normalises")
    }

    /// Every normalised char's span maps to a non-empty original slice on char boundaries, and
    /// the spans are monotone.
    fn check_map(src: &str) {
        let n = norm(src);
        let t = n.as_str();
        let total_chars = src.chars().count();
        let mut prev_start = 0;
        for (pos, ch) in t.char_indices() {
            let s = n.to_original(pos, pos + ch.len_utf8());
            assert!(
                s.byte_start <= s.byte_end && s.byte_end <= src.len(),
                "{src:?} {s:?}"
            );
            assert!(src.is_char_boundary(s.byte_start) && src.is_char_boundary(s.byte_end));
            assert!(s.char_end <= total_chars);
            assert_eq!(src[..s.byte_start].chars().count(), s.char_start);
            assert_eq!(src[..s.byte_end].chars().count(), s.char_end);
            assert!(s.byte_start >= prev_start, "spans are monotone in {src:?}");
            prev_start = s.byte_start;
        }
        let whole = n.to_original(0, t.len());
        if !t.is_empty() {
            assert!(whole.byte_end <= src.len());
        }
    }

    #[test]
    fn original_byte_walks_the_map_like_to_original() {
        let src = "Straße “Kyiv” ﬁnal\u{301} café — 10 000 ½ Seoul";
        let n = norm(src);
        let mut hint = 0;
        for pos in 0..=n.as_str().len() {
            if !n.as_str().is_char_boundary(pos) {
                continue;
            }
            assert_eq!(
                n.original_byte(pos, &mut hint),
                n.to_original(pos, pos).byte_start,
                "{pos}"
            );
        }
        // Asked out of order, it searches.
        let mut hint = n.anchor_count();
        assert_eq!(n.original_byte(0, &mut hint), 0);
    }

    #[test]
    fn ascii_is_lowercased_and_linear() {
        let n = norm("North Korea has sent 1,500 soldiers");
        assert_eq!(n.as_str(), "north korea has sent 1,500 soldiers");
        assert_eq!(n.anchor_count(), 2, "the start and end anchors only");
        let s = n.to_original(6, 11);
        assert_eq!((s.char_start, s.char_end), (6, 11));
    }

    #[test]
    fn whitespace_runs_collapse_and_map_back() {
        let src = "Lim\r\nEul-chul  said";
        let n = norm(src);
        assert_eq!(n.as_str(), "lim eul-chul said");
        let s = n.to_original(0, 12);
        assert_eq!(&src[s.byte_start..s.byte_end], "Lim\r\nEul-chul");
        let single = norm("a\nb");
        assert_eq!(single.as_str(), "a b");
        assert_eq!(single.anchor_count(), 2, "a lone newline stays linear");
    }

    #[test]
    fn nbsp_and_unicode_spaces_fold() {
        let src = "South\u{00A0}Korea\u{2009}\u{3000}now";
        let n = norm(src);
        assert_eq!(n.as_str(), "south korea now");
        let s = n.to_original(0, 11);
        assert_eq!(&src[s.byte_start..s.byte_end], "South\u{00A0}Korea");
        assert_eq!((s.char_start, s.char_end), (0, 11));
    }

    #[test]
    fn full_case_folding() {
        assert_eq!(norm("Straße").as_str(), "strasse");
        assert_eq!(norm("ΟΔΥΣΣΕΥΣ ς").as_str(), "οδυσσευσ σ");
        // İ folds to i + U+0307, and the dot is a strippable diacritic.
        assert_eq!(norm("İstanbul").as_str(), "istanbul");
        let keep = NormOptions {
            fold_case: true,
            strip_diacritics: false,
        };
        assert_eq!(
            NormText::new("İ", keep).unwrap().as_str(),
            "i\u{307}",
            "full folding keeps the dot when diacritics are kept"
        );
    }

    #[test]
    fn expansions_map_to_the_whole_segment() {
        let src = "Gauß!";
        let n = norm(src);
        assert_eq!(n.as_str(), "gauss!");
        // "gaus" ends inside the ß expansion: the span covers ß.
        let s = n.to_original(0, 4);
        assert_eq!(&src[s.byte_start..s.byte_end], "Gauß");
        let s = n.to_original(5, 6);
        assert_eq!(&src[s.byte_start..s.byte_end], "!");
        assert_eq!((s.char_start, s.char_end), (4, 5));
    }

    #[test]
    fn typography_and_nfkc() {
        assert_eq!(
            norm("Korea’s “big” – ﬁne ２０２４").as_str(),
            "korea's \"big\" - fine 2024"
        );
        assert_eq!(norm("Zelen\u{00AD}skyy").as_str(), "zelenskyy");
        assert_eq!(norm("São Paulo").as_str(), "sao paulo");
        // A combining acute after an ASCII letter composes and is stripped.
        let src = "Jose\u{301} Marti\u{301}";
        let n = norm(src);
        assert_eq!(n.as_str(), "jose marti");
        let s = n.to_original(0, 4);
        assert_eq!(&src[s.byte_start..s.byte_end], "Jose\u{301}");
    }

    #[test]
    fn ignorable_inside_words_is_covered() {
        let src = "ab\u{200B}cd";
        let n = norm(src);
        assert_eq!(n.as_str(), "abcd");
        let s = n.to_original(0, 4);
        assert_eq!((s.char_start, s.char_end), (0, 5));
        let s = n.to_original(2, 4);
        assert_eq!(&src[s.byte_start..s.byte_end], "cd");
    }

    #[test]
    fn case_preserving_mode() {
        let o = NormOptions {
            fold_case: false,
            strip_diacritics: true,
        };
        assert_eq!(normalize_str("U.S.\u{00A0} Forces", o), "U.S. Forces");
    }

    #[test]
    fn maps_are_consistent_on_awkward_text() {
        for s in [
            "",
            " ",
            "\n\n",
            "\u{200B}",
            "a\u{200B}",
            "\u{200B} \u{200B}x",
            "e\u{301}\u{301}\u{301}",
            "\u{301}leading mark",
            "👍🏽 emoji 🇰🇷 flags",
            "ﷺ expands a lot",
            "İİİ ßß ǅ",
            "mixed עברית and العربية ١٢٣",
            "\r\n\t\u{000B}\u{000C}\u{0085}\u{2028}end",
            "x\u{00A8}y",
        ] {
            check_map(s);
        }
    }

    #[test]
    fn blank_lines_become_a_newline_and_single_newlines_a_space() {
        assert_eq!(norm("fled north\n\nKorea").as_str(), "fled north\nkorea");
        assert_eq!(
            norm("fled north\r\n \r\nKorea").as_str(),
            "fled north\nkorea"
        );
        assert_eq!(norm("a hard\nwrap").as_str(), "a hard wrap");
        assert_eq!(norm("end\u{2029}start").as_str(), "end\nstart");
        check_map("fled north\n\n  Korea and more");
    }

    #[test]
    fn superscripts_stay_and_fractions_keep_apart() {
        assert_eq!(
            norm("troops 2400\u{b9} left").as_str(),
            "troops 2400\u{b9} left"
        );
        assert_eq!(norm("x\u{b2}").as_str(), "x\u{b2}");
        assert_eq!(norm("7\u{be} miles").as_str(), "7 3\u{2044}4 miles");
        assert_eq!(norm("\u{bd} off").as_str(), "1\u{2044}2 off");
        check_map("ran 7\u{be} miles, then 2\u{bd}");
    }

    #[test]
    fn text_that_grows_past_the_bound_is_refused() {
        let err = NormText::new(&"\u{fdfa}".repeat(200_000), NormOptions::default()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Text);
        assert!(NormText::new("a \u{fdfa} b", NormOptions::default()).is_ok());
        // Aliases are never refused.
        assert!(!normalize_str(&"\u{fdfa}".repeat(200_000), NormOptions::default()).is_empty());
    }

    #[test]
    fn empty_text() {
        let n = norm("");
        assert_eq!(n.as_str(), "");
        let s = n.to_original(0, 0);
        assert_eq!((s.char_start, s.char_end), (0, 0));
    }
}
