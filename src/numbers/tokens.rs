//! Tokens of normalised text for the number parser: words, digit groups, punctuation.

use crate::text::swar::skip_ascii_letters;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TokenKind {
    Word,
    Num,
    Punct(u8),
    Symbol(char),
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Token {
    pub(super) kind: TokenKind,
    pub(super) s: usize,
    pub(super) e: usize,
    /// Whitespace stands before the token.
    pub(super) gap: bool,
}
// Tokens live only for one chunk of at most a few hundred KB, so their size does not matter.

/// Tokens of `t[from..to]` (offsets stay those of `t`).
pub(super) fn tokenize(t: &str, from: usize, to: usize) -> Vec<Token> {
    let b = &t.as_bytes()[..to];
    let mut out = Vec::new();
    let mut i = from;
    let mut gap = true;
    while i < b.len() {
        let c = b[i];
        if c == b' ' {
            gap = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind = if c.is_ascii_digit() {
            i += 1;
            loop {
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                // A separator inside a number: `1,500`, `2.5`.
                if i + 1 < b.len() && (b[i] == b',' || b[i] == b'.') && b[i + 1].is_ascii_digit() {
                    i += 1;
                    continue;
                }
                break;
            }
            TokenKind::Num
        } else if c.is_ascii_alphabetic() {
            i = skip_ascii_letters(b, i + 1);
            TokenKind::Word
        } else if c < 0x80 {
            i += 1;
            TokenKind::Punct(c)
        } else {
            let ch = t[i..].chars().next().unwrap_or(' ');
            i += ch.len_utf8();
            if ch.is_alphabetic() {
                while i < b.len() {
                    let n = t[i..].chars().next().unwrap_or(' ');
                    if n.is_alphabetic() || (n.is_ascii_alphabetic()) {
                        i += n.len_utf8();
                    } else {
                        break;
                    }
                }
                TokenKind::Word
            } else if matches!(ch, '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{2070}'..='\u{2089}') {
                // A footnote mark or an exponent is no part of a number (`1500¹ troops`).
                continue;
            } else {
                TokenKind::Symbol(ch)
            }
        };
        out.push(Token {
            kind,
            s: start,
            e: i,
            gap,
        });
        gap = false;
    }
    out
}
