//! Readers of the forms a number takes beyond digits and number words: measures and their
//! units, ages, compound ordinals, vulgar fractions, spaced thousands, vague amounts,
//! fractions and proportions.

use super::number::NumKind;
use super::parser::{Parser, Reading};
use super::tokens::TokenKind;
use super::words::*;

impl Parser<'_> {
    /// A person's age written bare: after `age of`/`aged`, or between commas after a name
    /// (`David Lind, 53, who...`).
    pub(super) fn is_age(&self, first: usize, last: usize, value: f64) -> bool {
        if first != last
            || self.toks[first].kind != TokenKind::Num
            || value.fract() != 0.0
            || !(1.0..=120.0).contains(&value)
        {
            return false;
        }
        let before = |k: usize| first.checked_sub(k).and_then(|p| self.word(p));
        if before(1) == Some("aged") || (before(1) == Some("of") && before(2) == Some("age")) {
            return true;
        }
        // `Ms. Berg, then 41, said`, `than Mr. Lind, then 35.`
        let after_name = |k: usize| {
            k >= 2
                && self.is_punct(k - 1, b',')
                && self.toks[k - 2].kind == TokenKind::Word
                && self.capitalised(k - 2)
        };
        let ends = self.toks.get(last + 1).is_none()
            || self.is_punct(last + 1, b',')
            || self.is_punct(last + 1, b'.');
        if before(1) == Some("then") && after_name(first - 1) && ends {
            return true;
        }
        first >= 2
            && self.is_punct(first - 1, b',')
            && self.toks[first - 2].kind == TokenKind::Word
            && self.capitalised(first - 2)
            && self.is_punct(last + 1, b',')
            && self.word(last + 2).is_some_and(|w| {
                matches!(
                    w,
                    "who"
                        | "said"
                        | "says"
                        | "told"
                        | "of"
                        | "from"
                        | "a"
                        | "an"
                        | "the"
                        | "was"
                        | "is"
                        | "and"
                        | "will"
                        | "would"
                        | "has"
                        | "had"
                        | "faces"
                        | "died"
                        | "pleaded"
                        | "remains"
                        | "added"
                        | "wrote"
                        | "lives"
                )
            })
    }

    /// `thirty-second`, `ninety-ninth`: a tens word and a unit ordinal joined by a hyphen.
    pub(super) fn compound_ordinal(&self, i: usize) -> Option<Reading> {
        let tens = tens_word(self.word(i)?)?;
        if !self.is_punct(i + 1, b'-') || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let unit = ordinal_word(self.word(i + 2)?).filter(|u| *u < 10.0)?;
        Some(Reading::plain(i, i + 2, tens + unit, NumKind::Ordinal))
    }

    /// `pounds` after the number at `last` is a weight, not sterling: a `weigh` word within
    /// four words before (`weighed 40 pounds`, `weighs about 300 pounds`), `of` after a plain
    /// number (`40 pounds of rice`); never after a currency symbol (`a 300-pound man` is a
    /// hyphenated unit).
    pub(super) fn pounds_weight(&self, first: usize, last: usize) -> bool {
        if first > 0 && matches!(self.toks[first - 1].kind, TokenKind::Symbol(_)) {
            return false;
        }
        let weigh = (first.saturating_sub(4)..first)
            .any(|k| self.word(k).is_some_and(|w| w.starts_with("weigh")));
        // `of` only after a plain number: `5 billion pounds of spending` is money.
        let of = first == last && self.word(last + 2) == Some("of");
        weigh || of
    }

    /// A unit of measure from token `k`, right after a number: glued (`512GB`), hyphenated
    /// before a noun (`40-minute`, `82-year-old`), or a word (`120 km`, `45 minutes`, `2,000
    /// square kilometres`, `15 degrees Celsius`). Returns the unit and its last token.
    pub(super) fn measure_unit(&self, k: usize) -> Option<(&'static str, usize)> {
        let w = self.word(k);
        if !self.toks.get(k)?.gap {
            if let Some(u) = w.and_then(glued_unit) {
                return Some((u, k));
            }
            if self.is_punct(k, b'-') && self.glued(k + 1) {
                let h = self.word(k + 1)?;
                if h == "year" && self.is_punct(k + 2, b'-') && self.word(k + 3) == Some("old") {
                    return Some(("year", k + 3)); // an age
                }
                return hyphen_unit(h).map(|u| (u, k + 1));
            }
            return None;
        }
        let w = w?;
        if w == "square" {
            let u = match measure_word(self.word(k + 1)?)? {
                "km" => "km²",
                "mi" => "mi²",
                "m" => "m²",
                "ft" => "ft²",
                _ => return None,
            };
            return Some((u, k + 1));
        }
        let u = measure_word(w)?;
        // `70 miles per hour`, `500 megawatt hours`: one unit.
        let per_hour = self.word(k + 1) == Some("per") && self.word(k + 2) == Some("hour");
        match (u, per_hour, self.word(k + 1)) {
            ("mi", true, _) => return Some(("mph", k + 2)),
            ("km", true, _) => return Some(("km/h", k + 2)),
            ("kW", _, Some("hour" | "hours")) => return Some(("kWh", k + 1)),
            ("MW", _, Some("hour" | "hours")) => return Some(("MWh", k + 1)),
            ("GW", _, Some("hour" | "hours")) => return Some(("GWh", k + 1)),
            _ => {}
        }
        if u == "degree" {
            return match self.word(k + 1) {
                Some("celsius" | "centigrade" | "c") => Some(("°C", k + 1)),
                Some("fahrenheit" | "f") => Some(("°F", k + 1)),
                _ => Some(("degree", k)),
            };
        }
        Some((u, k))
    }

    /// A fraction written with the fraction slash U+2044 at `i` (what NFKC makes of `½`):
    /// `1⁄2`, glued, with a numerator below the denominator. Returns (value, last token).
    pub(super) fn vulgar(&self, i: usize) -> Option<(f64, usize)> {
        let slash = *self.toks.get(i + 1)?;
        if slash.kind != TokenKind::Symbol('\u{2044}') || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        if self.toks.get(i)?.kind != TokenKind::Num || self.toks.get(i + 2)?.kind != TokenKind::Num
        {
            return None;
        }
        let (n, d) = (self.digits(i)?, self.digits(i + 2)?);
        (d > 0.0 && n < d).then_some((n / d, i + 2))
    }

    /// Thousands separated by a space (`10 000`, `3 000 000`, with a no-break or narrow no-break
    /// space too, as European copy writes them): a group of 1-3 plain digits, then groups of
    /// exactly three, each after one whitespace character. Not next to a month (`May 5 200`).
    pub(super) fn spaced_thousands(&self, i: usize) -> Option<(f64, usize)> {
        let plain = |k: usize| self.text(k).bytes().all(|b| b.is_ascii_digit());
        let first = self.text(i);
        if !plain(i) || first.len() > 3 || first.starts_with('0') {
            return None;
        }
        let mut value: f64 = first.parse().ok()?;
        let mut last = i;
        while let Some(t) = self.toks.get(last + 1) {
            if t.kind != TokenKind::Num || !t.gap || t.e - t.s != 3 || !plain(last + 1) {
                break;
            }
            // One whitespace character in the original text, not a line break.
            let a = self.orig(last, last).byte_end;
            let b = self.orig(last + 1, last + 1).byte_start;
            let gap = &self.src[a..b.max(a)];
            let mut cs = gap.chars();
            let one = matches!(
                (cs.next(), cs.next()),
                (Some(' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'), None)
            );
            if !one {
                break;
            }
            value = value * 1000.0 + self.digits(last + 1)?;
            last += 1;
        }
        if last == i || self.near_month(i, last, 2) {
            return None;
        }
        Some((value, last))
    }

    /// Vague magnitudes: `tens of thousands`, `dozens`, `hundreds of`, `millions`. The value is
    /// the lower bound: a plural multiple counts as two (`dozens` 24, `thousands` 2,000, `tens of
    /// thousands` 20,000).
    pub(super) fn vague(&self, i: usize) -> Option<Reading> {
        let w = self.word(i)?;
        let unit = match w {
            "dozens" => 12.0,
            "tens" => 10.0,
            "scores" => 20.0,
            "hundreds" => 100.0,
            "thousands" => 1e3,
            "millions" => 1e6,
            "billions" => 1e9,
            _ => return None,
        };
        let mut scale = 1.0;
        let mut last = i;
        if self.word(i + 1) == Some("of") {
            let higher = match self.word(i + 2) {
                Some("thousands") => Some(1e3),
                Some("millions") => Some(1e6),
                Some("billions") => Some(1e9),
                _ => None,
            };
            if let Some(h) = higher {
                scale = h;
                last = i + 2;
            }
        }
        if w == "tens" && last == i {
            return None; // `tens` alone is rarely a count
        }
        // The bounds: a plural means at least two of the unit (`dozens` 24, `tens of
        // thousands` 20,000), and less than the next order of magnitude, where the text would
        // have used the next word (`hundreds` up to 999; `dozens`, `scores` up to 99).
        let low = 2.0 * unit * scale;
        let next = if matches!(w, "dozens" | "scores") {
            100.0
        } else {
            10.0 * unit
        };
        // `millions of dollars`, `hundreds of thousands of euros`: a vague amount of money.
        let currency = (self.word(last + 1) == Some("of"))
            .then(|| self.word(last + 2).and_then(currency_word))
            .flatten();
        let (kind, unit, last) = match currency {
            Some(c) => (NumKind::Money, Some(c), last + 2),
            None => (NumKind::Cardinal, None, last),
        };
        Some(Reading {
            vague: true,
            low: Some(low),
            high: Some(next * scale - 1.0),
            unit,
            ..Reading::plain(i, last, low, kind)
        })
    }

    /// Fractions and proportions: `two-thirds`, `a third`, `three quarters`, `half`,
    /// `one in five`, `nine out of 10`.
    pub(super) fn fraction(&self, i: usize) -> Option<Reading> {
        let c = self.fraction_core(i)?;
        // `by a quarter point`, `half a percentage point`: an amount of percentage points.
        let (next, after) = (self.word(c.last + 1), self.word(c.last + 2));
        let points = match (next, after) {
            (Some("point" | "points"), _) => Some(c.last + 1),
            (Some("percentage"), Some("point" | "points")) => Some(c.last + 2),
            _ => None,
        };
        if let Some(last) = points {
            return Some(Reading {
                unit: Some("percentage point"),
                ..Reading::plain(c.first, last, c.value, NumKind::Percent)
            });
        }
        Some(c)
    }

    pub(super) fn fraction_core(&self, i: usize) -> Option<Reading> {
        let is_num = self.toks.get(i)?.kind == TokenKind::Num;
        // `3/4 of voters`: digits over digits, then `of`.
        if is_num
            && self.is_punct(i + 1, b'/')
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self
                .toks
                .get(i + 2)
                .is_some_and(|t| t.kind == TokenKind::Num)
            && self.word(i + 3) == Some("of")
        {
            let (a, b) = (self.digits(i)?, self.digits(i + 2)?);
            if b > 0.0 && a < b {
                return Some(Reading::plain(i, i + 2, a / b, NumKind::Fraction));
            }
        }
        let w = if is_num { "" } else { self.word(i)? };
        let mk = |last: usize, v: f64| Reading::plain(i, last, v, NumKind::Fraction);
        // `X in Y`, `X out of Y`
        let num = if self.toks[i].kind == TokenKind::Num {
            self.digits(i)
        } else {
            unit_word(w).or_else(|| tens_word(w))
        };
        let num = num.or_else(|| {
            (self.toks[i].kind == TokenKind::Num)
                .then(|| self.digits(i))
                .flatten()
        });
        if let Some(n) = num {
            // Hyphenated too: `three-in-five`, `one-in-four`.
            let hyphenated = self.is_punct(i + 1, b'-')
                && self.glued(i + 1)
                && self.word(i + 2) == Some("in")
                && self.is_punct(i + 3, b'-')
                && self.glued(i + 3);
            let (j, ok) = match (self.word(i + 1), self.word(i + 2)) {
                _ if hyphenated => (i + 4, true),
                (Some("in"), _) => (i + 2, true),
                (Some("out"), Some("of")) => (i + 3, true),
                _ => (0, false),
            };
            if ok {
                let d = match self.toks.get(j).map(|t| t.kind) {
                    Some(TokenKind::Num) => self.digits(j),
                    Some(TokenKind::Word) => self
                        .word(j)
                        .and_then(|x| unit_word(x).or_else(|| tens_word(x))),
                    _ => None,
                };
                if let Some(d) = d.filter(|&d| d > 0.0 && d >= n) {
                    return Some(mk(j, n / d));
                }
            }
        }
        if is_num {
            return None;
        }
        // `two-thirds`, `three quarters`
        if let Some(n) = unit_word(w) {
            let (j, glued) = if self.is_punct(i + 1, b'-') && self.glued(i + 1) && self.glued(i + 2)
            {
                (i + 2, true)
            } else {
                (i + 1, false)
            };
            if let Some(d) = self.word(j).and_then(denominator_word) {
                let plural = self.word(j).is_some_and(|x| x.ends_with('s'));
                if (n > 1.0 && plural) || (n == 1.0 && (glued || !plural)) {
                    return Some(mk(j, n / d));
                }
            }
        }
        // `a third`, `a quarter`, `a half`
        if w == "a" {
            if let Some(d) = self.word(i + 1).and_then(denominator_word) {
                if self.word(i + 1) != Some("second") {
                    return Some(mk(i + 1, 1.0 / d));
                }
            }
        }
        if w == "half" && self.word(i + 1) != Some("a") {
            return Some(mk(i, 0.5));
        }
        // `half a point`, `half a percentage point` (`half a million` is a quantity).
        if w == "half"
            && self.word(i + 1) == Some("a")
            && matches!(self.word(i + 2), Some("point" | "percentage"))
        {
            return Some(mk(i + 1, 0.5));
        }
        None
    }
}
