//! The parser's state and the readers of a value at a token: digits, number words,
//! magnitudes, fractions, vague amounts and ranges.

use crate::text::normalize::OrigSpan;
use crate::text::NormText;

use super::number::{Change, NumKind};
use super::tokens::{Token, TokenKind};
use super::words::*;

pub(super) struct Parser<'a> {
    pub(super) src: &'a str,
    pub(super) norm: &'a NormText,
    pub(super) t: &'a str,
    pub(super) toks: Vec<Token>,
}

/// A number's core, before qualifiers and objects.
#[derive(Clone, Copy, Debug)]
pub(super) struct Reading {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) value: f64,
    pub(super) low: Option<f64>,
    pub(super) high: Option<f64>,
    pub(super) kind: NumKind,
    pub(super) vague: bool,
    pub(super) unit: Option<&'static str>,
}

impl Reading {
    /// A core with no range, unit or vagueness.
    pub(super) fn plain(first: usize, last: usize, value: f64, kind: NumKind) -> Reading {
        Reading {
            first,
            last,
            value,
            low: None,
            high: None,
            kind,
            vague: false,
            unit: None,
        }
    }
}

impl<'a> Parser<'a> {
    pub(super) fn word(&self, i: usize) -> Option<&'a str> {
        let tok = self.toks.get(i)?;
        (tok.kind == TokenKind::Word).then(|| &self.t[tok.s..tok.e])
    }

    pub(super) fn text(&self, i: usize) -> &'a str {
        let tok = self.toks[i];
        &self.t[tok.s..tok.e]
    }

    pub(super) fn is_punct(&self, i: usize, c: u8) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct(c))
    }

    pub(super) fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.gap)
    }

    pub(super) fn orig(&self, first: usize, last: usize) -> OrigSpan {
        self.norm.to_original(self.toks[first].s, self.toks[last].e)
    }

    /// Is token `i` written with a capital letter in the original text?
    pub(super) fn capitalised(&self, i: usize) -> bool {
        let span = self.orig(i, i);
        self.src[span.byte_start..span.byte_end]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase())
    }

    /// Could token `i` be capitalised because it starts a sentence? Any terminator or colon
    /// before it says so, abbreviations included (`Acme Inc. Three plants closed`): a number
    /// word is far likelier to be a count than a name there, so this asks a looser question than
    /// the sentence splitter's.
    pub(super) fn sentence_start(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 {
            k -= 1;
            match self.toks[k].kind {
                // A paragraph break (a blank line is `\n` in the normalised text) too.
                TokenKind::Punct(b'.')
                | TokenKind::Punct(b'!')
                | TokenKind::Punct(b'?')
                | TokenKind::Punct(b':')
                | TokenKind::Punct(b'\n') => return true,
                TokenKind::Punct(b'"')
                | TokenKind::Punct(b'(')
                | TokenKind::Punct(b'[')
                | TokenKind::Punct(b'\'') => continue,
                _ => return false,
            }
        }
        true
    }

    /// Digits token value, with `,` as thousands separator (groups of three) and `.` decimal.
    pub(super) fn digits(&self, i: usize) -> Option<f64> {
        let s = self.text(i);
        let (int, frac) = match s.split_once('.') {
            Some((a, b)) if !b.contains('.') && !b.contains(',') => (a, Some(b)),
            Some(_) => return None,
            None => (s, None),
        };
        let groups: Vec<&str> = int.split(',').collect();
        if groups.len() > 1
            && (groups[0].is_empty()
                || groups[0].len() > 3
                || groups[1..].iter().any(|g| g.len() != 3))
        {
            return None;
        }
        let mut clean: String = groups.concat();
        if let Some(f) = frac {
            clean.push('.');
            clean.push_str(f);
        }
        let v: f64 = clean.parse().ok()?;
        v.is_finite().then_some(v)
    }

    /// Word numbers from `i`: `twenty-one thousand five hundred`, `a dozen`, `a million`,
    /// `half a million`. Returns (value, last token).
    pub(super) fn word_number(&self, i: usize) -> Option<(f64, usize)> {
        let w = self.word(i)?;
        // `a dozen`, `a hundred`, `a million`
        if w == "a" || w == "an" {
            let n = self.word(i + 1)?;
            if n == "dozen" {
                return Some((12.0, i + 1));
            }
            // `a couple hundred`, `a couple of thousand`: two of the scale.
            if n == "couple" {
                let k = if self.word(i + 2) == Some("of") {
                    i + 3
                } else {
                    i + 2
                };
                let scale = match self.word(k)? {
                    "hundred" => 100.0,
                    w => scale_word(w)?,
                };
                return Some((2.0 * scale, k));
            }
            if n == "hundred" {
                return self.continue_words(i + 1, 0.0, 100.0);
            }
            if let Some(s) = scale_word(n) {
                return self.continue_words(i + 1, s, 0.0);
            }
            return None;
        }
        if w == "half" && self.word(i + 1) == Some("a") {
            if let Some(s) = self.word(i + 2).and_then(scale_word) {
                return Some((0.5 * s, i + 2));
            }
        }
        if w == "dozen" {
            return Some((12.0, i));
        }
        if unit_word(w).is_none() && tens_word(w).is_none() {
            return None;
        }
        self.continue_words(i, 0.0, 0.0).filter(|&(_, last)| {
            // `one` alone is usually a pronoun; it counts only before a noun.
            last > i || w != "one" || self.one_is_number(i)
        })
    }

    pub(super) fn continue_words(
        &self,
        start: usize,
        mut total: f64,
        mut current: f64,
    ) -> Option<(f64, usize)> {
        let mut i = start;
        let mut last = None;
        let mut first = true;
        if total > 0.0 || current > 0.0 {
            last = Some(start);
            i = start + 1;
            first = false;
        }
        while let Some(w) = self.word(i) {
            if !first && !self.toks[i].gap && !self.is_punct(i - 1, b'-') {
                break;
            }
            if let Some(v) = unit_word(w) {
                if last.is_some_and(|l: usize| self.word(l).is_some_and(|p| unit_word(p).is_some()))
                {
                    break; // `one two` is two numbers
                }
                current += v;
            } else if let Some(v) = tens_word(w) {
                if current % 100.0 != 0.0 {
                    break;
                }
                current += v;
            } else if w == "hundred" {
                current = if current == 0.0 {
                    100.0
                } else {
                    current * 100.0
                };
            } else if let Some(s) = scale_word(w) {
                total += if current == 0.0 { 1.0 } else { current } * s;
                current = 0.0;
            } else if w == "and"
                && last.is_some()
                && self
                    .word(i + 1)
                    .is_some_and(|n| unit_word(n).is_some() || tens_word(n).is_some())
            {
                i += 1;
                continue;
            } else {
                break;
            }
            last = Some(i);
            first = false;
            i += 1;
            // Hyphenated compounds: `twenty-one`, `two-million-person`.
            if self.is_punct(i, b'-') && self.glued(i) && self.glued(i + 1) {
                if let Some(n) = self.word(i + 1) {
                    if unit_word(n).is_some() || scale_word(n).is_some() || n == "hundred" {
                        i += 1;
                    }
                }
            }
        }
        last.map(|l| (total + current, l))
    }

    /// `one` followed by a noun counts; `no one`, `one of`, `the one` do not.
    pub(super) fn one_is_number(&self, i: usize) -> bool {
        if i > 0 {
            if let Some(p) = self.word(i - 1) {
                if matches!(
                    p,
                    "no" | "any"
                        | "every"
                        | "each"
                        | "the"
                        | "this"
                        | "that"
                        | "which"
                        | "some"
                        | "someone"
                        | "another"
                        | "other"
                        | "separate"
                        | "new"
                        | "old"
                        | "only"
                        | "same"
                        | "last"
                        | "single"
                        | "right"
                        | "wrong"
                ) {
                    return false;
                }
            }
        }
        match self.word(i + 1) {
            // `one of the two people`, `one of his rivals`: a count of a part of a whole (not
            // `one of them`, `one of us`).
            Some("of") => self.word(i + 2).is_some_and(|d| {
                matches!(
                    d,
                    "the"
                        | "his"
                        | "her"
                        | "its"
                        | "their"
                        | "our"
                        | "my"
                        | "your"
                        | "these"
                        | "those"
                )
            }),
            // `one or two instances`
            Some("or") => self
                .word(i + 2)
                .is_some_and(|n| unit_word(n).is_some() || tens_word(n).is_some()),
            // `one called X`, `one named Y`: a pronoun.
            Some(n) => {
                !stop_word(n)
                    && !matches!(
                        n,
                        "another" | "day" | "way" | "thing" | "called" | "named" | "known"
                    )
            }
            None => false,
        }
    }

    /// Magnitude right after a quantity: `1.5 million`, `10K`, `$63.4bn`, `£85m`.
    pub(super) fn magnitude(&self, after: usize, money: bool) -> Option<(f64, usize)> {
        let tok = self.toks.get(after)?;
        let w = self.word(after)?;
        if tok.gap {
            // `5 hundred`, `2 thousand`; `4.5 lakh crore` multiplies both.
            if w == "hundred" {
                return Some((100.0, after));
            }
            let s = scale_word(w)?;
            if matches!(w, "lakh" | "lakhs" | "lac")
                && self.word(after + 1).is_some_and(|c| c.starts_with("crore"))
            {
                return Some((s * 1e7, after + 1));
            }
            return Some((s, after));
        }
        let s = match w {
            "k" => 1e3,
            "m" if money => 1e6,
            "mn" | "mln" | "million" => 1e6,
            "b" | "bn" | "bln" | "billion" if money || w.len() > 1 => 1e9,
            "tn" | "trn" | "trillion" => 1e12,
            "thousand" => 1e3,
            _ => return None,
        };
        Some((s, after))
    }

    /// Reads a quantity at `i` (digits or words), with magnitude, percent and currency around it.
    pub(super) fn quantity(&self, i: usize) -> Option<Reading> {
        let tok = *self.toks.get(i)?;
        // A sign written before the number: `-1`, `−3.5%`, `minus 1,200,000`, `minus 15
        // degrees Celsius`. (`down 0.4%` is a change, read elsewhere, and stays positive.)
        let minus_sign = matches!(
            tok.kind,
            TokenKind::Punct(b'-') | TokenKind::Symbol('\u{2212}')
        ) && tok.gap
            && self.glued(i + 1);
        if minus_sign || self.word(i) == Some("minus") {
            let mut r = self.quantity(i + 1)?;
            if r.first != i + 1
                || !matches!(
                    r.kind,
                    NumKind::Cardinal | NumKind::Percent | NumKind::Money | NumKind::Measure
                )
            {
                return None;
            }
            r.first = i;
            r.value = -r.value;
            (r.low, r.high) = (r.high.map(|h| -h), r.low.map(|l| -l));
            return Some(r);
        }
        // `a year and a half`, `a month and a half`: a duration of one and a half units.
        if matches!(self.word(i), Some("a" | "an"))
            && self.word(i + 2) == Some("and")
            && self.word(i + 3) == Some("a")
            && self.word(i + 4) == Some("half")
        {
            if let Some(u) = self.word(i + 1).and_then(measure_word) {
                return Some(Reading {
                    unit: Some(u),
                    ..Reading::plain(i, i + 4, 1.5, NumKind::Measure)
                });
            }
        }
        // `a decade`, `a century`: one of the unit (`a year` is left alone: `$5,000 a year` is a
        // rate).
        if matches!(self.word(i), Some("a")) {
            let unit = match self.word(i + 1) {
                Some("decade") => Some("decade"),
                Some("century") => Some("century"),
                _ => None,
            };
            if let Some(u) = unit {
                return Some(Reading {
                    unit: Some(u),
                    ..Reading::plain(i, i + 1, 1.0, NumKind::Measure)
                });
            }
        }
        // A currency code before the amount: `EUR 35`, `USD240`, `Rs 8 lakh`.
        if let Some(code) = self.word(i).and_then(currency_code_before) {
            let next = self.toks.get(i + 1)?;
            if next.kind == TokenKind::Num {
                let mut r = self.quantity(i + 1)?;
                if r.first == i + 1 && matches!(r.kind, NumKind::Cardinal) {
                    r.first = i;
                    r.kind = NumKind::Money;
                    r.unit = Some(code);
                    return Some(r);
                }
            }
            return None;
        }
        // Currency before: `$2.5 billion`, `US$ 10`, `£85m`.
        let (mut first, mut q, mut unit) = (i, i, None);
        match tok.kind {
            TokenKind::Punct(b'$') => {
                unit = Some("USD");
                q = i + 1;
                if i > 0 && self.glued(i) {
                    match self.word(i - 1) {
                        Some("us") => first = i - 1,
                        Some("a") | Some("au") => {
                            unit = Some("AUD");
                            first = i - 1;
                        }
                        Some("c") | Some("ca") => {
                            unit = Some("CAD");
                            first = i - 1;
                        }
                        Some("hk") => {
                            unit = Some("HKD");
                            first = i - 1;
                        }
                        _ => {}
                    }
                }
            }
            TokenKind::Symbol(c) => {
                unit = Some(currency_symbol(c)?);
                q = i + 1;
            }
            _ => {}
        }
        let money = unit.is_some();
        let qt = self.toks.get(q)?;
        let (mut value, mut last, mut kind) = match qt.kind {
            TokenKind::Num if self.vulgar(q).is_some() => {
                // `½`, `¾ of them` (NFKC `1⁄2`): a fraction, or an amount with a magnitude,
                // percent or currency (`½ million`, `¼%`).
                let (v, l) = self.vulgar(q)?;
                (v, l, NumKind::Fraction)
            }
            TokenKind::Num => {
                let (mut v, mut l) = (self.digits(q)?, q);
                if let Some((more, l2)) = self.spaced_thousands(q) {
                    (v, l) = (more, l2);
                } else if let Some((f, l2)) = self.vulgar(q + 1).filter(|_| self.toks[q + 1].gap) {
                    // A mixed number: `3½` (normalised `3 1⁄2`), `2 ¾`.
                    if self.text(q).bytes().all(|b| b.is_ascii_digit()) {
                        (v, l) = (v + f, l2);
                    }
                }
                if l != q {
                    (v, l, NumKind::Cardinal)
                } else {
                    let v = v;
                    // Ordinal suffix: `8th`, `1st`.
                    if let Some(suf) = self.word(q + 1).filter(|_| self.glued(q + 1)) {
                        if matches!(suf, "st" | "nd" | "rd" | "th") && !money {
                            return Some(Reading::plain(first, q + 1, v, NumKind::Ordinal));
                        }
                    }
                    (v, q, NumKind::Cardinal)
                }
            }
            TokenKind::Word => {
                if money {
                    return None;
                }
                let (v, l) = self.word_number(q)?;
                (v, l, NumKind::Cardinal)
            }
            _ => return None,
        };
        if let Some((s, l)) = self.magnitude(last + 1, money) {
            value *= s;
            last = l;
            if kind == NumKind::Fraction {
                kind = NumKind::Cardinal; // `½ million` is an amount
            }
        }
        // `two and a half years`, `3 and a half`
        if matches!(kind, NumKind::Cardinal)
            && self.word(last + 1) == Some("and")
            && self.word(last + 2) == Some("a")
            && self.word(last + 3) == Some("half")
        {
            value += 0.5;
            last += 3;
        }
        // `two dozen`, `3 dozen`
        if kind == NumKind::Cardinal
            && self.word(last + 1) == Some("dozen")
            && self.toks[last + 1].gap
        {
            value *= 12.0;
            last += 1;
        }
        // `75 cents`: an amount in dollars; `$12 and 30 cents` is one amount.
        if !money
            && kind == NumKind::Cardinal
            && matches!(self.word(last + 1), Some("cents" | "cent"))
        {
            return Some(Reading {
                unit: Some("USD"),
                ..Reading::plain(first, last + 1, value / 100.0, NumKind::Money)
            });
        }
        if money && unit == Some("USD") && self.word(last + 1) == Some("and") {
            if let Some(c) = self.toks.get(last + 2).filter(|t| t.kind == TokenKind::Num) {
                let cents = self
                    .digits(last + 2)
                    .filter(|v| *v < 100.0 && v.fract() == 0.0);
                if let (Some(cents), Some("cents")) = (cents, self.word(last + 3)) {
                    let _ = c;
                    return Some(Reading {
                        unit,
                        ..Reading::plain(first, last + 3, value + cents / 100.0, NumKind::Money)
                    });
                }
            }
        }
        // A currency sign after the amount: `15€`, `20 £`.
        if !money {
            if let Some(TokenKind::Symbol(c)) = self.toks.get(last + 1).map(|t| t.kind) {
                if let Some(code) = currency_symbol(c) {
                    return Some(Reading {
                        unit: Some(code),
                        ..Reading::plain(first, last + 1, value, NumKind::Money)
                    });
                }
            }
        }
        // Percent after: `15%`, `15 percent`, `15 per cent`, `2 percentage points`.
        if self.is_punct(last + 1, b'%') {
            last += 1;
            kind = NumKind::Percent;
            unit = Some("percent");
        } else if let Some(w) = self.word(last + 1) {
            if w == "percent" || w == "pct" {
                last += 1;
                kind = NumKind::Percent;
                unit = Some("percent");
            } else if w == "per" && self.word(last + 2) == Some("cent") {
                last += 2;
                kind = NumKind::Percent;
                unit = Some("percent");
            } else if w == "percentage" && matches!(self.word(last + 2), Some("point" | "points")) {
                last += 2;
                kind = NumKind::Percent;
                unit = Some("percentage point");
            } else if !money {
                if let Some(c) = currency_word(w) {
                    // `won` after a number is the currency only when it is not the verb.
                    if c != "KRW" || self.word(last + 2).is_none_or(stop_word) {
                        last += 1;
                        unit = Some(c);
                    }
                }
            }
        }
        if unit.is_some() && matches!(kind, NumKind::Cardinal | NumKind::Fraction) {
            kind = NumKind::Money;
        }
        // `a three-percentage-point margin`
        if kind == NumKind::Cardinal
            && self.is_punct(last + 1, b'-')
            && self.glued(last + 1)
            && self.word(last + 2) == Some("percentage")
            && self.is_punct(last + 3, b'-')
            && self.word(last + 4) == Some("point")
        {
            return Some(Reading {
                unit: Some("percentage point"),
                ..Reading::plain(first, last + 4, value, NumKind::Percent)
            });
        }
        // An age: `at the age of 43`, `aged 71`, `Anna Berg, 53, said`.
        if kind == NumKind::Cardinal && unit.is_none() && self.is_age(first, last, value) {
            return Some(Reading {
                unit: Some("year"),
                ..Reading::plain(first, last, value, NumKind::Measure)
            });
        }
        if kind == NumKind::Cardinal && unit.is_none() {
            if let Some((u, l)) = self.measure_unit(last + 1) {
                kind = NumKind::Measure;
                unit = Some(u);
                last = l;
            }
        }
        Some(Reading {
            unit,
            ..Reading::plain(first, last, value, kind)
        })
    }

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
        Some(Reading {
            first: a.first,
            last: b.last,
            value: low,
            low: Some(low),
            high: Some(b.value),
            kind: NumKind::Range,
            vague: false,
            unit: b.unit.or(a.unit),
        })
    }
}
