//! What joins two numbers or sets one apart: ranges (`4,000 to 5,000`, `seven or eight`),
//! years that never join a count, and the change a verb before a number reports.

use super::number::{Change, NumKind};
use super::parser::{Parser, Reading};
use super::tokens::TokenKind;
use super::words::*;

impl<'a> Parser<'a> {
    /// `between X and Y`, `from X to Y`, `X to Y`, `X-Y`: joins two cores.
    /// A plain four-digit year between 1800 and 2100 (`2019`, not `2,019` or `2019.5`).
    pub(super) fn year_like(&self, r: &Reading) -> bool {
        r.first == r.last
            && r.kind == NumKind::Cardinal
            && self.toks[r.first].kind == TokenKind::Num
            && self.text(r.first).len() == 4
            && (1800.0..=2100.0).contains(&r.value)
    }

    /// The direction of change the words before token `first` report (`rose`, `cut`, `fell by
    /// about`, `a gain of`), skipping a qualifier and `by`.
    pub(super) fn change_before(&self, first: usize) -> Option<Change> {
        let mut k = first;
        if let Some((_, start)) = self.qualifier(first) {
            k = start;
        }
        let prev = |k: &mut usize| -> Option<&'a str> {
            *k = k.checked_sub(1)?;
            self.word(*k)
        };
        let mut w = prev(&mut k)?;
        if w == "by" {
            w = prev(&mut k)?;
        }
        if w == "of" {
            return change_noun(prev(&mut k)?);
        }
        if matches!(w, "up" | "down") {
            // `was up 4%`, `closed down 30 cents`, `, up 2 points`: an adverb of change; after
            // other verbs a particle (`pick up two delegates`, `make up 80 percent`).
            let before = k.checked_sub(1);
            let ok = match before.and_then(|b| self.word(b)) {
                Some(v) => matches!(
                    v,
                    "is" | "was"
                        | "are"
                        | "were"
                        | "be"
                        | "been"
                        | "being"
                        | "s"
                        | "closed"
                        | "ended"
                        | "finished"
                        | "opened"
                        | "traded"
                        | "trading"
                        | "shares"
                        | "stocks"
                        | "prices"
                        | "sales"
                ),
                None => true, // punctuation or the start of the text before it
            };
            if !ok {
                return None;
            }
        }
        change_word(w)
    }

    pub(super) fn range_after(&self, a: Reading) -> Option<Reading> {
        let join = a.last + 1;
        let dash = self.is_punct(join, b'-') && self.glued(join) && self.glued(join + 1);
        let or = self.word(join) == Some("or");
        if !dash && !or && !matches!(self.word(join), Some("to" | "and")) {
            return None;
        }
        let next = join + 1;
        let b = self.quantity(next)?;
        let units_clash = a.unit.is_some() && b.unit.is_some() && a.unit != b.unit;
        if matches!(b.kind, NumKind::Ordinal | NumKind::Fraction) || units_clash {
            return None;
        }
        // Both ends the same kind of quantity: a percentage never runs to a plain count (`rose
        // 4% to 2.7 million`), and a year never joins a count (`40% in 2019 to 2.7 million`).
        if a.kind == NumKind::Percent && b.kind != NumKind::Percent {
            return None;
        }
        let years = (self.year_like(&a), self.year_like(&b));
        if years.0 != years.1 {
            return None;
        }
        if years.0 && years.1 {
            // `between 2006 and 2012`, `from 1999 to 2011`: years, unless a plural noun follows
            // (`between 1800 and 2000 troops`).
            let counted = self.word(b.last + 1).is_some_and(plural);
            if !counted {
                return Some(Reading {
                    first: a.first,
                    last: b.last,
                    value: a.value,
                    low: Some(a.value),
                    high: Some(b.value),
                    kind: NumKind::Year,
                    vague: false,
                    unit: None,
                });
            }
        }
        // `$10-12 billion`: the magnitude of the second end applies to the first.
        let mut low = a.value;
        // (`between 10 and 12 billion dollars`: the currency word after the second end applies
        // to both; units that clash were refused above.)
        if b.value / low >= 1000.0 {
            let scale = [1e3, 1e6, 1e9, 1e12]
                .into_iter()
                .find(|s| low * s <= b.value && b.value < low * s * 1000.0);
            if let Some(s) = scale {
                low *= s;
            }
        }
        if b.value < low {
            return None;
        }
        // `seven or eight`, `two or three percent`: an approximate range of close values
        // (`one or 100` is two numbers).
        if or && (b.value <= low || b.value > low * 4.0 || b.value > 1000.0) {
            return None;
        }
        // `ages 3 to 17`: a range of ages.
        let ages = a.first > 0 && matches!(self.word(a.first - 1), Some("ages" | "aged"));
        let age_unit = (ages && a.unit.is_none() && b.unit.is_none()).then_some("year");
        Some(Reading {
            first: a.first,
            last: b.last,
            value: low,
            low: Some(low),
            high: Some(b.value),
            kind: NumKind::Range,
            vague: false,
            unit: b.unit.or(a.unit).or(age_unit),
        })
    }

    /// `won 52 to 38 percent`, `led 46-40%`: a result or comparison, two numbers (the second
    /// smaller, so no range), whose unit is written once after the second. Returns the kind
    /// and unit the first takes from the second.
    pub(super) fn comparison_unit(&self, a: &Reading) -> Option<(NumKind, &'static str)> {
        if a.unit.is_some() || a.kind != NumKind::Cardinal {
            return None;
        }
        let join = a.last + 1;
        let dash = self.is_punct(join, b'-') && self.glued(join) && self.glued(join + 1);
        if !dash && self.word(join) != Some("to") {
            return None;
        }
        let b = self.quantity(join + 1)?;
        let unit = b.unit?;
        (b.kind == NumKind::Percent && b.value < a.value).then_some((b.kind, unit))
    }
}
