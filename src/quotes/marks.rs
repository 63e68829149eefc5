//! Quote marks: which characters open and close quotes, and how they pair up.
//!
//! Double marks (`"`, `“ ”`, `„ “`, `« »`, `''`) make the top-level quotes of a paragraph. Single
//! marks (`'`, `‘ ’`, `‹ ›`) make a quote only when both ends are found in the same paragraph
//! outside any double quote; inside a double quote they are part of its text. An apostrophe
//! (`don’t`, `containers' worth`, `voters’`) is never a quote mark: a mark between two letters
//! is skipped, and a closing single mark only counts while a single quote is open.
//!
//! Pairing works paragraph by paragraph (a blank line separates paragraphs), so a stray mark
//! spoils at most its own paragraph. A quote whose opening mark opens its paragraph and that
//! does not close there continues into the next paragraph when that one opens with a mark.

use crate::text::is_word_char;

/// A quote found by pairing marks, in bytes of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawQuote {
    /// The content of each paragraph the quote spans, inside the marks, trimmed.
    pub parts: Vec<(usize, usize)>,
    /// From the opening mark to the closing mark (or the end of the last part).
    pub outer: (usize, usize),
    /// Whether a closing mark was found.
    pub closed: bool,
    /// The opening mark is the first thing in its paragraph.
    pub opens_paragraph: bool,
}

impl RawQuote {
    pub fn span(&self) -> (usize, usize) {
        (self.parts[0].0, self.parts[self.parts.len() - 1].1)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Double,
    Single,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    pos: usize,
    len: usize,
    style: Style,
    glyph: char,
    open: bool,
    close: bool,
}

fn is_quote_glyph(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '‚' | '‹' | '›'
    )
}

// Control characters (NULs and the like in scraped text) separate like spaces.
fn opens_before(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/')
        || is_quote_glyph(c)
}

fn closes_after(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…' | '/'
        )
        || is_quote_glyph(c)
}

/// The quote marks of one paragraph, with whether each can open and close a quote.
fn marks(text: &str, (ps, pe): (usize, usize)) -> Vec<Mark> {
    let para = &text[ps..pe];
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut it = para.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_quote_glyph(c) {
            prev = Some(c);
            continue;
        }
        let mut len = c.len_utf8();
        let mut glyph = c;
        if c == '\'' && it.peek().map(|&(_, d)| d) == Some('\'') {
            // `''` is a straight double mark.
            it.next();
            len = 2;
            glyph = '"';
        }
        let next = para[i + len..].chars().next();
        let blank = |c: char| c.is_whitespace() || c.is_control();
        let left = next.is_some_and(|n| !blank(n)) && prev.is_none_or(opens_before);
        let right = prev.is_some_and(|p| !blank(p)) && next.is_none_or(closes_after);
        let between_words = prev.is_some_and(is_word_char) && next.is_some_and(is_word_char);
        let (style, open, close) = match glyph {
            '"' => (Style::Double, left, right),
            '“' => (Style::Double, !right || left, right && !left),
            '”' => (Style::Double, left && !right, !left || right),
            '„' | '«' => (Style::Double, true, false),
            '»' => (Style::Double, false, true),
            '‘' | '‚' | '‹' => (Style::Single, !between_words, false),
            '›' => (Style::Single, false, true),
            // `'` and `’`: an apostrophe between letters; otherwise by flanking.
            _ => (
                Style::Single,
                !between_words && left && !right && !prev.is_some_and(is_word_char),
                !between_words && right && !left,
            ),
        };
        if open || close {
            out.push(Mark {
                pos: ps + i,
                len,
                style,
                glyph,
                open,
                close,
            });
        }
        prev = Some(glyph);
    }
    out
}

fn can_close(open: &Mark, m: &Mark) -> bool {
    if !(m.close || (open.glyph == '„' && m.glyph == '“')) {
        return false;
    }
    match open.glyph {
        '«' => matches!(m.glyph, '»' | '"' | '”'),
        _ => m.glyph != '»',
    }
}

fn trimmed(text: &str, s: usize, e: usize) -> (usize, usize) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let body = piece.trim();
    (s + lead, s + lead + body.len())
}

/// Pairs marks of one style in one paragraph. Unclosed quotes end at the paragraph's end when
/// `keep_unclosed`; otherwise they are dropped.
fn pair(
    text: &str,
    marks: &[Mark],
    (ps, pe): (usize, usize),
    keep_unclosed: bool,
    out: &mut Vec<RawQuote>,
) {
    let mut open: Option<Mark> = None;
    let emit = |out: &mut Vec<RawQuote>, o: &Mark, close: Option<&Mark>| {
        let cs = o.pos + o.len;
        let (ce, oe, closed) = match close {
            Some(c) => (c.pos, c.pos + c.len, true),
            None => (pe, pe, false),
        };
        let part = trimmed(text, cs, ce);
        if part.0 < part.1 {
            out.push(RawQuote {
                parts: vec![part],
                outer: (o.pos, oe),
                closed,
                opens_paragraph: o.pos == ps,
            });
        }
    };
    for m in marks {
        match open {
            Some(o) if can_close(&o, m) => {
                emit(out, &o, Some(m));
                open = None;
            }
            // An opener while a quote is open: the earlier mark was stray.
            Some(_) if m.open => open = Some(*m),
            Some(_) => {}
            None if m.open => open = Some(*m),
            None => {}
        }
    }
    if let (Some(o), true) = (open, keep_unclosed) {
        emit(out, &o, None);
    }
}

/// All quotes of `text`, in order, continued across paragraphs where the marks say so.
pub(crate) fn find(text: &str, paras: &[(usize, usize)]) -> Vec<RawQuote> {
    let mut out: Vec<RawQuote> = Vec::new();
    let mut pending: Option<RawQuote> = None;
    let mut doubles = Vec::new();
    let mut singles = Vec::new();
    let mut para_quotes = Vec::new();
    for &para in paras {
        let all = marks(text, para);
        if all.is_empty() {
            if let Some(p) = pending.take() {
                out.push(p);
            }
            continue;
        }
        doubles.clear();
        doubles.extend(all.iter().filter(|m| m.style == Style::Double).copied());
        para_quotes.clear();
        pair(text, &doubles, para, true, &mut para_quotes);
        // Single-mark quotes among the marks outside every double quote.
        singles.clear();
        // (Quotes are sorted and disjoint: a binary search finds the one a mark could be in.)
        let inside = |qs: &[RawQuote], pos: usize| {
            let k = qs.partition_point(|q| q.outer.0 <= pos);
            k > 0 && pos < qs[k - 1].outer.1
        };
        singles.extend(
            all.iter()
                .filter(|m| m.style == Style::Single && !inside(&para_quotes, m.pos)),
        );
        if !singles.is_empty() {
            let mut sq = Vec::new();
            pair(text, &singles, para, false, &mut sq);
            if !sq.is_empty() {
                // `rock 'n' roll`: one or two letters in single marks are not a quote.
                sq.retain(|q| {
                    let (a, b) = q.span();
                    text[a..b].chars().count() > 2
                });
                // A double quote inside a single quote is part of it.
                para_quotes.retain(|d| !inside(&sq, d.outer.0));
                para_quotes.extend(sq);
                para_quotes.sort_by_key(|q| q.outer.0);
            }
        }
        let mut rest = para_quotes.drain(..);
        if let Some(mut p) = pending.take() {
            // Continue the pending quote if this paragraph opens with a mark.
            let first = rest.as_slice().first();
            if first.is_some_and(|q| q.opens_paragraph) {
                let q = rest.next().expect("checked");
                p.parts.extend(q.parts);
                p.outer.1 = q.outer.1;
                p.closed = q.closed;
                if q.closed || !q.opens_paragraph {
                    out.push(p);
                } else {
                    pending = Some(p);
                    continue;
                }
            } else {
                out.push(p);
            }
        }
        for q in rest {
            if !q.closed && q.opens_paragraph {
                pending = Some(q);
            } else {
                out.push(q);
            }
        }
    }
    if let Some(p) = pending {
        out.push(p);
    }
    out
}
