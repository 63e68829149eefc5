//! Sentences of tokens, as attribution sees them: a quote ending in a terminator ends its
//! sentence only when what follows does not attribute it.

use super::tokens::*;

/// The longest sentence, in tokens: longer runs are cut, so memory stays bounded on text with
/// no sentence ends.
pub(super) const MAX_SENTENCE: usize = 2048;

/// Groups tokens into sentences. Sentences end at terminators and paragraph breaks outside
/// quotes, and after a quote that ends in a terminator when a capitalised word follows that does
/// not attribute it (`"It is over." Then he left.`, but not `"It is over!" Smith said.`).
pub(super) struct Sentences<'t> {
    pub(super) tz: Tokenizer<'t>,
    pub(super) buf: std::collections::VecDeque<Token>,
}

impl Sentences<'_> {
    pub(super) fn fill(&mut self, n: usize) -> bool {
        while self.buf.len() < n {
            match self.tz.next() {
                Some(t) => self.buf.push_back(t),
                None => break,
            }
        }
        !self.buf.is_empty()
    }

    /// The next sentence into `out`; false when the text is done.
    pub(super) fn next_into(&mut self, out: &mut Vec<Token>) -> bool {
        out.clear();
        while self.fill(1) {
            let t = self.buf.pop_front().expect("filled");
            out.push(t);
            match t.k {
                TokenKind::Term | TokenKind::Break => return true,
                TokenKind::Quote(q) => {
                    let (_, ce) = self.tz.quotes[q as usize].span();
                    if self.tz.text[..ce].ends_with(['.', '!', '?', '…']) {
                        self.fill(16);
                        let rest = self.buf.make_contiguous();
                        let next_cap = rest.first().is_some_and(|n| n.is_word() && n.cap);
                        if next_cap && !verb_within(rest, 0, 7) {
                            return true;
                        }
                    }
                }
                _ => {}
            }
            if out.len() >= MAX_SENTENCE {
                return true;
            }
        }
        !out.is_empty()
    }
}

/// Do the tokens from `i` attribute the quote before them on their own (`Smith said.`,
/// `said Smith on Friday.`, `the agency told AFP.`): a speech verb within `n` words, and at most
/// four words after it before the clause ends?
pub(super) fn verb_within(toks: &[Token], i: usize, n: usize) -> bool {
    let Some(v) = toks[i..]
        .iter()
        .take(n)
        .take_while(|t| t.is_word())
        .position(|t| t.verb.is_some_and(|v| !v.noun_like))
    else {
        return false;
    };
    let rest = toks[i + v + 1..].iter().take_while(|t| t.is_word()).count();
    rest <= 4
        && toks
            .get(i + v + 1 + rest)
            .is_none_or(|t| matches!(t.k, TokenKind::Term | TokenKind::Comma | TokenKind::Break))
}
