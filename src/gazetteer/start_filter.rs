//! The start filter of the compiled matcher: tables small enough to stay in cache that say, for
//! a text position, whether any alias can begin there, so that the automaton is walked only
//! where one can.

use crate::text::swar::skip_ascii_word;

/// A prefilter on the first three bytes of the patterns: `first` marks bytes that begin one,
/// `one` bytes that are a whole pattern, `two` pairs of bytes that are one, `pair` pairs that begin a longer one, and `three`
/// is a Bloom filter of their first three bytes (one hash, 2^19 bits). A walk is needed only
/// where the bytes at a position pass; the tables (8 + 8 + 64 KB) stay in cache, where the
/// automaton's states of a large gazetteer do not.
#[derive(Debug)]
pub(super) struct StartFilter {
    /// A Bloom filter (one hash) of the first words of the patterns that begin with an ASCII
    /// letter or digit, a word being the run of ASCII letters and digits: where a word of the
    /// text starts, a pattern can match only if the word is one of these (the text's run and
    /// the pattern's are the same bytes, since a match ends at a word boundary). Most words of
    /// news (`said`, `that`, `officials`) are no alias's first word, so no walk starts there.
    /// Four flags a word, kept together (one cache line holds all four for 64 slots): `WORD`;
    /// `LOWER`, for the patterns that may match where the text writes their first letter in
    /// lower case (a case-insensitive or tolerant candidate, or an exact one written so), so
    /// that `will`, `bill` and `may` start no walk for `Will`, `Bill` and `May` the places;
    /// `SOLO`, first words that are whole patterns (see [`StartFilter::may_continue`]), and
    /// `SOLO_LOWER`, those that may match alone in lower case.
    words: Box<[[u64; 4]]>,
    /// First words with the byte that follows them in a pattern, where that is not a space.
    joined: Box<[u64]>,
    /// First and second words of the patterns that go on after a space.
    pairs: Box<[u64]>,
    word_shift: u32,
    /// The same for `joined` and `pairs`, sized by the patterns rather than their first words.
    pair_shift: u32,
    first: [bool; 256],
    one: [bool; 256],
    two: Box<[u64]>,
    pair: Box<[u64]>,
    three: Box<[u64]>,
}

const THREE_BITS: u32 = 19;
const WORD: usize = 0;
const LOWER: usize = 1;
const SOLO: usize = 2;
const SOLO_LOWER: usize = 3;

impl StartFilter {
    /// A filter for `patterns` patterns with about `first_words` distinct first words.
    pub(super) fn new(patterns: usize, first_words: usize) -> StartFilter {
        // 16-32 bits a first word for `words` (a false positive rate of 3-6 %), and as many a
        // pattern for `joined` and `pairs`: 8 KB to 1 MB each. Every word of the text that
        // starts no alias probes `words`, so it is kept as small as that rate allows (the
        // default gazetteer's 202k patterns have ~100k first words: 1 MB instead of 2).
        let size = |n: usize| (n * 16).next_power_of_two().clamp(1 << 16, 1 << 23);
        let (word_bits, bits) = (size(first_words), size(patterns));
        StartFilter {
            words: vec![[0u64; 4]; word_bits / 64].into_boxed_slice(),
            joined: vec![0u64; bits / 64].into_boxed_slice(),
            pairs: vec![0u64; bits / 64].into_boxed_slice(),
            word_shift: 64 - word_bits.trailing_zeros(),
            pair_shift: 64 - bits.trailing_zeros(),
            first: [false; 256],
            one: [false; 256],
            two: vec![0u64; 1 << 10].into_boxed_slice(),
            pair: vec![0u64; 1 << 10].into_boxed_slice(),
            three: vec![0u64; 1 << (THREE_BITS - 6)].into_boxed_slice(),
        }
    }

    #[inline]
    fn flag(&self, i: usize, f: usize) -> bool {
        self.words[i >> 6][f] & (1 << (i & 63)) != 0
    }

    #[inline]
    fn set_flag(&mut self, i: usize, f: usize) {
        self.words[i >> 6][f] |= 1 << (i & 63);
    }

    #[inline]
    fn pair_index(a: u8, b: u8) -> usize {
        (a as usize) << 8 | b as usize
    }

    #[inline]
    fn three_index(a: u8, b: u8, c: u8) -> usize {
        let x = (a as u32) << 16 | (b as u32) << 8 | c as u32;
        (x.wrapping_mul(0x9E37_79B1) >> (32 - THREE_BITS)) as usize
    }

    #[inline]
    fn set(bits: &mut [u64], i: usize) {
        bits[i >> 6] |= 1 << (i & 63);
    }

    #[inline]
    fn get(bits: &[u64], i: usize) -> bool {
        bits[i >> 6] & (1 << (i & 63)) != 0
    }

    /// The filter's bit for a word: its first and last eight bytes (overlapping, or the word
    /// zero-padded when shorter) and its length, mixed by one multiplication. A longer word's
    /// middle is not looked at, which only adds false positives.
    #[inline]
    fn word_index(&self, w: &[u8]) -> usize {
        (Self::word_hash(w) >> self.word_shift) as usize
    }

    #[inline]
    fn word_hash(w: &[u8]) -> u64 {
        let load = |s: &[u8]| {
            let mut c = [0u8; 8];
            c[..s.len()].copy_from_slice(s);
            u64::from_le_bytes(c)
        };
        let (a, b) = if w.len() >= 8 {
            (load(&w[..8]), load(&w[w.len() - 8..]))
        } else {
            (load(w), 0)
        };
        (a ^ b.rotate_left(29) ^ ((w.len() as u64) << 56)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    /// The bit of a word and the byte right after it.
    #[inline]
    fn word_and_byte(&self, w: &[u8], b: u8) -> usize {
        let h = (Self::word_hash(w) ^ u64::from(b)).wrapping_mul(0xD6E8_FEB8_6659_FD93);
        (h >> self.pair_shift) as usize
    }

    /// The bit of two words, the second after one space.
    #[inline]
    fn pair_of_words(&self, w1: &[u8], w2: &[u8]) -> usize {
        let h = (Self::word_hash(w1) ^ Self::word_hash(w2).rotate_left(23))
            .wrapping_mul(0xD6E8_FEB8_6659_FD93);
        (h >> self.pair_shift) as usize
    }

    /// Given that a pattern may start with the word `t[pos..end]`, might one start there with
    /// what follows too? A word that is a whole pattern is enough (`solo`, or `solo_lower`
    /// where the text writes it in lower case); otherwise the byte after it must follow it in
    /// some pattern (`joined`), or, after a space, the next word (`pairs`: `the Hague`, not
    /// `the talks`).
    #[inline]
    pub(super) fn may_continue(
        &self,
        t: &[u8],
        pos: usize,
        end: usize,
        word: usize,
        lower: bool,
    ) -> bool {
        if self.flag(word, if lower { SOLO_LOWER } else { SOLO }) {
            return true;
        }
        let Some(&next) = t.get(end) else {
            return false;
        };
        if next != b' ' || !t.get(end + 1).is_some_and(u8::is_ascii_alphanumeric) {
            return Self::get(&self.joined, self.word_and_byte(&t[pos..end], next));
        }
        let end2 = skip_ascii_word(t, end + 2);
        Self::get(
            &self.pairs,
            self.pair_of_words(&t[pos..end], &t[end + 1..end2]),
        )
    }

    /// Might a pattern start with the word `w` (ASCII letters and digits, as far as they go)?
    /// `lower`: the original text writes its first letter in lower case.
    #[inline]
    pub(super) fn may_start_word(
        &self,
        w: &[u8],
        lower: impl FnOnce() -> bool,
    ) -> Option<(usize, bool)> {
        let i = self.word_index(w);
        let [word, low, solo, solo_low] = [WORD, LOWER, SOLO, SOLO_LOWER].map(|f| self.flag(i, f));
        if !word {
            return None;
        }
        // The original text is looked at only when its case can change the answer.
        if low && solo == solo_low {
            return Some((i, false));
        }
        let lower = lower();
        (!lower || low).then_some((i, lower))
    }

    pub(super) fn add(&mut self, p: &[u8], lower_ok: bool) {
        if let Some(&a) = p.first() {
            self.first[a as usize] = true;
            if a.is_ascii_alphanumeric() {
                let k = p
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .unwrap_or(p.len());
                let i = self.word_index(&p[..k]);
                self.set_flag(i, WORD);
                if lower_ok {
                    self.set_flag(i, LOWER);
                }
                let second =
                    p.get(k) == Some(&b' ') && p.get(k + 1).is_some_and(u8::is_ascii_alphanumeric);
                if second {
                    let k2 = p[k + 1..]
                        .iter()
                        .position(|b| !b.is_ascii_alphanumeric())
                        .map_or(p.len(), |j| k + 1 + j);
                    let j = self.pair_of_words(&p[..k], &p[k + 1..k2]);
                    Self::set(&mut self.pairs, j);
                } else if let Some(&next) = p.get(k) {
                    // Followed by something other than a space and a word: `and-jef`, `a.c.
                    // milan`, `in's mercato`.
                    let j = self.word_and_byte(&p[..k], next);
                    Self::set(&mut self.joined, j);
                } else {
                    self.set_flag(i, SOLO);
                    if lower_ok {
                        self.set_flag(i, SOLO_LOWER);
                    }
                }
            }
        }
        match *p {
            [] => {}
            [a] => self.one[a as usize] = true,
            [a, b] => Self::set(&mut self.two, Self::pair_index(a, b)),
            [a, b, c, ..] => {
                Self::set(&mut self.pair, Self::pair_index(a, b));
                Self::set(&mut self.three, Self::three_index(a, b, c));
            }
        }
    }

    /// Might a pattern start at `t[pos]`? False means certainly not.
    #[inline]
    pub(super) fn may_start(&self, t: &[u8], pos: usize) -> bool {
        let a = t[pos];
        if !self.first[a as usize] {
            return false;
        }
        if self.one[a as usize] {
            return true;
        }
        let Some(&b) = t.get(pos + 1) else {
            return false;
        };
        let ab = Self::pair_index(a, b);
        if Self::get(&self.two, ab) {
            return true;
        }
        if !Self::get(&self.pair, ab) {
            return false;
        }
        t.get(pos + 2)
            .is_some_and(|&c| Self::get(&self.three, Self::three_index(a, b, c)))
    }

    pub(super) fn memory_usage(&self) -> usize {
        512 + (self.words.len() * 4
            + self.joined.len() * 2
            + self.two.len()
            + self.pair.len()
            + self.three.len())
            * 8
    }
}
