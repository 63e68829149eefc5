//! The parser's loop: the longest number at each token, then its qualifier, object and kind.

use super::number::{NumKind, Number, NumberOptions};
use super::parser::{Parser, Reading};
use super::tokens::TokenKind;
use super::words::*;

impl<'a> Parser<'a> {
    pub(super) fn run(&self, opts: NumberOptions) -> Vec<Number> {
        let mut out = Vec::new();
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            let tok = self.toks[i];
            // Non-counts first.
            if let Some((kind, last)) = self.non_count(i) {
                if opts.include_non_counts {
                    let v = self.digits(i).unwrap_or(f64::NAN);
                    out.push(self.emit_plain(i, last, v, kind));
                }
                i = last + 1;
                continue;
            }
            // Most words cannot start a number: one lookup skips them.
            if tok.kind == TokenKind::Word && !self.word(i).is_some_and(is_trigger) {
                i += 1;
                continue;
            }
            // Capitalised number words mid-sentence name things: `Group of Seven`.
            if tok.kind == TokenKind::Word
                && self
                    .word(i)
                    .is_some_and(|w| unit_word(w).is_some() || tens_word(w).is_some())
                && self.capitalised(i)
                && !self.sentence_start(i)
            {
                i += 1;
                continue;
            }
            // `between X and Y`, `from X to Y`; `between the ages of X and Y` (years of age).
            let ages = self.word(i) == Some("between")
                && self.word(i + 1) == Some("the")
                && matches!(self.word(i + 2), Some("ages" | "age"))
                && self.word(i + 3) == Some("of");
            if ages {
                if let Some(a) = self.quantity(i + 4) {
                    if let Some(mut r) = self.range_after(a) {
                        if self.word(a.last + 1) == Some("and") && r.kind == NumKind::Range {
                            r.first = i + 4;
                            r.unit = Some("year");
                            out.push(self.finish(r, opts));
                            i = r.last + 1;
                            continue;
                        }
                    }
                }
            }
            if matches!(self.word(i), Some("between" | "from")) {
                if let Some(a) = self.quantity(i + 1) {
                    if let Some(mut r) = self.range_after(a) {
                        let joiner = self.word(a.last + 1);
                        let ok = (self.word(i) == Some("between") && joiner == Some("and"))
                            || (self.word(i) == Some("from") && joiner == Some("to"));
                        if ok && !self.date_like(&r) {
                            r.first = i;
                            if r.kind.is_count() {
                                out.push(self.finish(r, opts));
                            } else if opts.include_non_counts {
                                out.push(self.emit_plain(r.first, r.last, r.value, r.kind));
                            }
                            i = r.last + 1;
                            continue;
                        }
                    }
                }
            }
            let core = self
                .vague(i)
                .or_else(|| self.fraction(i))
                .or_else(|| self.compound_ordinal(i))
                .or_else(|| self.quantity(i))
                .or_else(|| self.ordinal_word(i));
            let Some(mut core) = core else {
                i += 1;
                continue;
            };
            // `rose 4% to 2.7 million`: a change and the new level, two numbers, never a range.
            let change = self.change_before(core.first);
            if matches!(
                core.kind,
                NumKind::Cardinal | NumKind::Money | NumKind::Percent | NumKind::Measure
            ) && !(change.is_some() && self.word(core.last + 1) == Some("to"))
            {
                if let Some(tally) = self.vote_tally(&core) {
                    if opts.include_non_counts {
                        out.push(self.emit_plain(core.first, tally, core.value, NumKind::Code));
                    }
                    i = tally + 1;
                    continue;
                }
                if let Some((kind, unit)) = self.comparison_unit(&core) {
                    core.kind = kind;
                    core.unit = Some(unit);
                } else if let Some(r) = self.range_after(core) {
                    if self.date_like(&r) {
                        // `March 17-18`: both days are the date.
                        core = Reading {
                            kind: NumKind::Date,
                            ..r
                        };
                    } else if self.word(core.last + 1) != Some("and") {
                        core = r;
                    }
                }
            }
            // Dates, years, names.
            let non_count = (!core.kind.is_count()).then_some(core.kind);
            if let Some(kind) = non_count.or_else(|| self.reclassify(&core)) {
                if opts.include_non_counts {
                    out.push(self.emit_plain(core.first, core.last, core.value, kind));
                }
                i = core.last + 1;
                continue;
            }
            let mut number = self.finish(core, opts);
            if matches!(
                number.kind,
                NumKind::Cardinal | NumKind::Money | NumKind::Percent | NumKind::Measure
            ) {
                number.change = change;
            }
            out.push(number);
            i = core.last + 1;
        }
        out
    }

    pub(super) fn emit_plain(
        &self,
        first: usize,
        last: usize,
        value: f64,
        kind: NumKind,
    ) -> Number {
        Number {
            span: self.orig(first, last),
            value,
            low: None,
            high: None,
            kind,
            vague: false,
            unit: None,
            approx: None,
            object: None,
            change: None,
        }
    }

    pub(super) fn finish(&self, c: Reading, _opts: NumberOptions) -> Number {
        let approx = self
            .qualifier(c.first)
            .map(|(q, start)| (q, self.orig(start, c.first - 1)));
        // `over 8 years`, `over the next decade`: a preposition before a duration, not a
        // qualifier of it.
        let duration = c.kind == NumKind::Measure
            && matches!(
                c.unit,
                Some("s" | "min" | "h" | "day" | "week" | "month" | "year" | "decade" | "century")
            );
        let approx = approx.filter(|(q, _)| !(duration && matches!(*q, "over" | "within")));
        let object = if c.kind == NumKind::Measure {
            // `4.7 tonnes of grain`
            if self.word(c.last + 1) == Some("of") {
                self.object(c.last + 1)
                    .map(|(s, e)| (self.orig(s, e), self.orig(self.head_start(s, e), e)))
            } else {
                None
            }
        } else if matches!(
            c.kind,
            NumKind::Cardinal | NumKind::Range | NumKind::Ordinal
        ) {
            let mut after = c.last;
            // `tens of thousands of people`, `dozens of ships`
            if c.vague && self.word(after + 1) == Some("of") {
                after += 1;
            }
            self.object(after)
                .or_else(|| self.partitive_object(after))
                // `dozens injured`, `hundreds killed`: a participle, not what is counted.
                .filter(|&(s, e)| {
                    !(c.vague && e == s && self.text(s).ends_with("ed") && self.text(s).len() > 4)
                })
                .map(|(s, e)| (self.orig(s, e), self.orig(self.head_start(s, e), e)))
        } else {
            None
        };
        let span = self.orig(c.first, c.last);
        // Characters that NFKC expands can put two tokens in one original character; a
        // qualifier or object must stay outside the number's own span.
        let approx = approx.filter(|(_, a)| a.byte_end <= span.byte_start);
        let object = object.filter(|(o, _)| o.byte_start >= span.byte_end);
        Number {
            span,
            value: c.value,
            low: c.low,
            high: c.high,
            kind: c.kind,
            vague: c.vague,
            unit: c.unit,
            approx,
            object,
            change: None,
        }
    }

    /// A vote or a result, not a range: `a 5-to-4 majority`, `confirmed 92 to 0`. Returns the
    /// last token of the tally.
    pub(super) fn vote_tally(&self, a: &Reading) -> Option<usize> {
        if a.kind != NumKind::Cardinal || self.toks[a.first].kind != TokenKind::Num {
            return None;
        }
        let k = a.last + 1;
        let hyphenated = self.is_punct(k, b'-')
            && self.glued(k)
            && self.word(k + 1) == Some("to")
            && self.is_punct(k + 2, b'-')
            && self.glued(k + 3);
        // `beat them 45-40`, `a 10-8 vote`: a result, written high to low.
        let score = !hyphenated
            && self.is_punct(k, b'-')
            && self.glued(k)
            && self.glued(k + 1)
            && self
                .toks
                .get(k + 1)
                .is_some_and(|t| t.kind == TokenKind::Num)
            && self
                .digits(k + 1)
                .is_some_and(|b| b < a.value && a.value <= 300.0)
            && self
                .word(k + 2)
                .is_none_or(|w| !matches!(w, "million" | "billion" | "percent"));
        let (b_at, ok) = if hyphenated {
            (k + 3, true)
        } else if score {
            (k + 1, true)
        } else {
            let verb = a
                .first
                .checked_sub(1)
                .and_then(|p| self.word(p))
                .is_some_and(|v| {
                    matches!(
                        v,
                        "voted"
                            | "confirmed"
                            | "passed"
                            | "approved"
                            | "rejected"
                            | "beat"
                            | "won"
                            | "lost"
                            | "defeated"
                            | "tied"
                            | "vote"
                            | "margin"
                    )
                });
            (k + 1, verb && self.word(k) == Some("to"))
        };
        if !ok {
            return None;
        }
        let b = self.quantity(b_at)?;
        (b.kind == NumKind::Cardinal && b.value <= a.value && b.first == b_at).then_some(b.last)
    }

    /// `5 of the 32 NATO allies`, `one of his rivals`: the part counts what the whole counts.
    pub(super) fn partitive_object(&self, last: usize) -> Option<(usize, usize)> {
        if self.word(last + 1) != Some("of") {
            return None;
        }
        if !definite(self.word(last + 2)?) {
            return None;
        }
        let mut k = last + 2;
        if let Some(whole) = self.quantity(k + 1) {
            k = whole.last;
        }
        self.object(k)
    }

    /// The head word of an object phrase: its last word (with a hyphenated compound whole).
    pub(super) fn head_start(&self, s: usize, e: usize) -> usize {
        let mut k = e;
        while k >= s + 2 && self.is_punct(k - 1, b'-') && self.glued(k - 1) && self.glued(k) {
            k -= 2;
        }
        k
    }
}
