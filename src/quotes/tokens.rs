//! Tokens of the text outside quotes: words (with an ASCII lower-case form), numbers,
//! punctuation, paragraph breaks, and each quote as one opaque token.

use crate::text::is_word_char;
use crate::text::sentences::abbreviation_period;
use crate::text::swar::skip_ascii_word;

use super::marks::RawQuote;
use super::verbs::Verb;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TokenKind {
    Word,
    Num,
    Comma,
    Colon,
    Dash,
    Term,
    Quote(u32),
    Other,
    Break,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Token {
    pub(super) k: TokenKind,
    pub(super) s: usize,
    pub(super) e: usize,
    /// Lower case of an ASCII word of at most 15 bytes (`’` read as `'`), else empty.
    pub(super) lw: [u8; 15],
    pub(super) lwn: u8,
    pub(super) cap: bool,
    /// The reporting verb the lower-case word is a form of, looked up once here.
    pub(super) verb: Option<Verb>,
}

impl Token {
    pub(super) fn new(k: TokenKind, s: usize, e: usize) -> Token {
        Token {
            k,
            s,
            e,
            lw: [0; 15],
            lwn: 0,
            cap: false,
            verb: None,
        }
    }
    pub(super) fn lw(&self) -> &str {
        std::str::from_utf8(&self.lw[..self.lwn as usize]).unwrap_or("")
    }
    /// The lower-case word without a possessive `'s`.
    pub(super) fn base(&self) -> &str {
        let w = self.lw();
        w.strip_suffix("'s").unwrap_or(w)
    }
    pub(super) fn is_word(&self) -> bool {
        self.k == TokenKind::Word
    }
}

pub(super) fn word_tok(text: &str, s: usize, e: usize) -> Token {
    let mut t = Token::new(TokenKind::Word, s, e);
    let w = &text[s..e];
    t.cap = w.chars().next().is_some_and(char::is_uppercase);
    if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        t.k = TokenKind::Num;
    }
    let mut n = 0;
    for c in w.chars() {
        let c = if c == '’' { '\'' } else { c };
        if !c.is_ascii() || n == 15 {
            n = 0;
            break;
        }
        t.lw[n] = c.to_ascii_lowercase() as u8;
        n += 1;
    }
    t.lwn = n as u8;
    t.verb = super::verbs::lookup(t.lw());
    t
}

pub(super) fn joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&' | ',' | '_')
}

/// Tokens of `text` outside the quotes, one at a time; each quote (mark to mark) is one
/// `Quote` token.
pub(super) struct Tokenizer<'t> {
    pub(super) text: &'t str,
    pub(super) quotes: &'t [RawQuote],
    pub(super) qi: usize,
    pub(super) i: usize,
}

impl Iterator for Tokenizer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let text = self.text;
        let n = text.len();
        while self.i < n {
            let i = self.i;
            if self.qi < self.quotes.len() && i >= self.quotes[self.qi].outer.0 {
                let (s, e) = self.quotes[self.qi].outer;
                let t = Token::new(TokenKind::Quote(self.qi as u32), s, e);
                self.i = i.max(e);
                self.qi += 1;
                return Some(t);
            }
            let limit = if self.qi < self.quotes.len() {
                self.quotes[self.qi].outer.0
            } else {
                n
            };
            let c = text[i..].chars().next().unwrap_or(' ');
            let cl = c.len_utf8();
            if c.is_whitespace() {
                // A blank line is a paragraph break.
                let mut j = i;
                let mut newlines = 0;
                while j < limit {
                    let d = text[j..].chars().next().unwrap_or('x');
                    if !d.is_whitespace() {
                        break;
                    }
                    newlines += usize::from(d == '\n');
                    j += d.len_utf8();
                }
                self.i = j;
                if newlines >= 2 {
                    return Some(Token::new(TokenKind::Break, i, j));
                }
                continue;
            }
            if is_word_char(c) {
                let mut j = i + cl;
                if c.is_ascii_alphanumeric() {
                    // The ASCII letters and digits of the word at once; the loop below goes on
                    // through joiners and other scripts.
                    j = skip_ascii_word(&text.as_bytes()[..limit], j);
                }
                while j < limit {
                    let d = text[j..].chars().next().unwrap_or(' ');
                    if is_word_char(d) {
                        j += d.len_utf8();
                        continue;
                    }
                    let after = j + d.len_utf8();
                    let numeric_comma =
                        d == ',' && text[i..j].ends_with(|x: char| x.is_ascii_digit());
                    if joiner(d)
                        && (d != ',' || numeric_comma)
                        && after < limit
                        && text[after..]
                            .chars()
                            .next()
                            .is_some_and(|x| is_word_char(x) && (d != ',' || x.is_ascii_digit()))
                    {
                        j = after;
                        continue;
                    }
                    break;
                }
                // `Mr.`, `U.S.`, `Oct.`: the abbreviation's period belongs to the word.
                if j < limit && text.as_bytes()[j] == b'.' && abbreviation_period(text, j) {
                    j += 1;
                }
                self.i = j;
                return Some(word_tok(text, i, j));
            }
            let k = match c {
                ',' => TokenKind::Comma,
                ':' => TokenKind::Colon,
                '—' | '–' | '―' => TokenKind::Dash,
                '-' if text[..i].ends_with(char::is_whitespace)
                    && text[i + 1..].starts_with(char::is_whitespace) =>
                {
                    TokenKind::Dash
                }
                // A period right before a closing bracket ends no sentence (`(R-Fla.)`).
                '.' if text[i + 1..].starts_with(')') => TokenKind::Other,
                '.' | '!' | '?' | '…' | ';' => TokenKind::Term,
                _ => TokenKind::Other,
            };
            self.i = i + cl;
            return Some(Token::new(k, i, i + cl));
        }
        None
    }
}
