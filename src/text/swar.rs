//! Byte scans eight bytes at a time (SWAR: SIMD within a register), for the loops that touch
//! every byte of a document: the normaliser's run of plain ASCII, and the skip over the rest of
//! a word in the matcher, the person finder and the number tokenizer. Each computes, for a chunk of eight bytes, a mask with the high bit set in
//! every byte that ends the scan; its lowest set bit is the answer, so a run costs one branch
//! rather than one a byte. Plain safe Rust: `u64::from_le_bytes` of an eight-byte slice.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// High bit of each byte of `x` (every byte below 0x80) set where that byte is at least `k`
/// (`k` at most 0x80): adding `0x80 - k` cannot carry out of a byte below 0x80.
#[inline]
fn at_least(x: u64, k: u8) -> u64 {
    x.wrapping_add(ONES * (0x80 - k as u64)) & HIGH
}

/// High bit set in each byte of `x` that equals `k`.
#[inline]
fn equals(x: u64, k: u8) -> u64 {
    let low = x & !HIGH;
    at_least(low, k) & !at_least(low, k + 1) & !(x & HIGH)
}

#[inline]
fn chunk(t: &[u8], pos: usize) -> u64 {
    let mut c = [0u8; 8];
    c.copy_from_slice(&t[pos..pos + 8]);
    u64::from_le_bytes(c)
}

#[inline]
fn first_set(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
}

/// The first position at or after `pos` whose byte is not in the run: `inside` gives, for a
/// chunk, the high bit of each byte that belongs to it; `keeps` says the same of one byte, for
/// the tail shorter than a chunk.
#[inline(always)]
fn skip_run(
    t: &[u8],
    mut pos: usize,
    inside: impl Fn(u64) -> u64,
    keeps: impl Fn(u8) -> bool,
) -> usize {
    while pos + 8 <= t.len() {
        let stop = !inside(chunk(t, pos)) & HIGH;
        if stop != 0 {
            return pos + first_set(stop);
        }
        pos += 8;
    }
    while pos < t.len() && keeps(t[pos]) {
        pos += 1;
    }
    pos
}

/// High bit of each byte of `x` that is an ASCII letter.
#[inline(always)]
fn letters(x: u64) -> u64 {
    let folded = (x & !HIGH) | (ONES * 0x20); // `A`-`Z` as `a`-`z`; no other byte lands there
    at_least(folded, b'a') & !at_least(folded, b'z' + 1) & !(x & HIGH)
}

/// The first position at or after `pos` that is not an ASCII letter or digit.
#[inline]
pub(crate) fn skip_ascii_word(t: &[u8], pos: usize) -> usize {
    let inside = |x: u64| {
        let low = x & !HIGH;
        let digit = at_least(low, b'0') & !at_least(low, b'9' + 1) & !(x & HIGH);
        digit | letters(x)
    };
    skip_run(t, pos, inside, |b| b.is_ascii_alphanumeric())
}

/// The first position at or after `pos` that is not an ASCII letter.
#[inline]
pub(crate) fn skip_ascii_letters(t: &[u8], pos: usize) -> usize {
    skip_run(t, pos, letters, |b| b.is_ascii_alphabetic())
}

/// Is `b` a byte the normaliser copies unchanged in its fast path (ASCII other than whitespace)?
#[inline]
fn plain(b: u8) -> bool {
    b < 0x80 && b != b' ' && !(b'\t'..=b'\r').contains(&b)
}

/// The end of the run of plain ASCII starting at `pos`: bytes below 0x80 other than `\t`-`\r`,
/// with single spaces between them; the run ends before non-ASCII, other whitespace, or a
/// space not followed by a plain byte.
#[inline]
pub(crate) fn plain_run_end(t: &[u8], mut pos: usize) -> usize {
    while pos + 9 <= t.len() {
        let x = chunk(t, pos);
        let low = x & !HIGH;
        let high = x & HIGH;
        let controls = at_least(low, b'\t') & !at_least(low, b'\r' + 1) & !high;
        let space = equals(x, b' ');
        let other = high | controls;
        // A space is fine when the byte after it is plain; the byte after the chunk's last one
        // is looked at directly.
        let after_last = if plain(t[pos + 8]) { 0 } else { 1u64 << 63 };
        let not_plain_next = ((other | space) >> 8) | after_last;
        let stop = other | (space & not_plain_next);
        if stop != 0 {
            return pos + first_set(stop);
        }
        pos += 8;
    }
    while pos < t.len() {
        if plain(t[pos]) {
            pos += 1;
        } else if t[pos] == b' ' && pos + 1 < t.len() && plain(t[pos + 1]) {
            pos += 2;
        } else {
            break;
        }
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn letters_scalar(t: &[u8], mut pos: usize) -> usize {
        while pos < t.len() && t[pos].is_ascii_alphabetic() {
            pos += 1;
        }
        pos
    }

    fn word_scalar(t: &[u8], mut pos: usize) -> usize {
        while pos < t.len() && t[pos].is_ascii_alphanumeric() {
            pos += 1;
        }
        pos
    }

    fn run_scalar(t: &[u8], mut pos: usize) -> usize {
        while pos < t.len() {
            if plain(t[pos]) {
                pos += 1;
            } else if t[pos] == b' ' && pos + 1 < t.len() && plain(t[pos + 1]) {
                pos += 2;
            } else {
                break;
            }
        }
        pos
    }

    #[test]
    fn examples() {
        let t = b"Kherson9region, said  they\xc3\xa9 x";
        assert_eq!(skip_ascii_word(t, 0), 14);
        assert_eq!(skip_ascii_word(t, 15), 15);
        assert_eq!(plain_run_end(t, 0), 20); // before the double space
        assert_eq!(plain_run_end(t, 22), 26); // before the non-ASCII byte
        assert_eq!(plain_run_end(b"a b c d e f g h\ti", 0), 15);
        assert_eq!(plain_run_end(b"abcdefg h", 0), 9);
        assert_eq!(plain_run_end(b"abcdefgh ", 0), 8);
    }

    proptest! {
        // Bytes drawn mostly from the ones the masks treat specially.
        #[test]
        fn agree_with_the_byte_loops(
            t in proptest::collection::vec(
                prop_oneof![
                    Just(b' '), Just(b'\t'), Just(b'\r'), Just(b'\x0e'), Just(b'\x08'),
                    Just(b'0'), Just(b'9'), Just(b'/'), Just(b':'), Just(b'@'), Just(b'['),
                    Just(b'`'), Just(b'{'), Just(b'a'), Just(b'z'), Just(b'A'), Just(b'Z'),
                    Just(0x7f), Just(0x80), Just(0xc3), Just(0xff), any::<u8>()
                ],
                0..40,
            ),
            start in 0usize..40,
        ) {
            let start = start.min(t.len());
            prop_assert_eq!(skip_ascii_word(&t, start), word_scalar(&t, start));
            prop_assert_eq!(skip_ascii_letters(&t, start), letters_scalar(&t, start));
            prop_assert_eq!(plain_run_end(&t, start), run_scalar(&t, start));
        }
    }
}
