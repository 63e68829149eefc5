//! The parser's state and the readers of a value at a token: digits, number words,
//! magnitudes, fractions, vague amounts and ranges.

use crate::text::normalize::OrigSpan;
use crate::text::NormText;

use super::number::NumKind;
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
        // `all-in-one`, `back-to-one`: the end of a compound.
        if i > 0 && self.is_punct(i - 1, b'-') && self.glued(i) {
            return false;
        }
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
            Some("of") => {
                self.word(i + 2).is_some_and(|w| {
                    definite(w) || matches!(w, "dozens" | "hundreds" | "thousands" | "millions")
                }) || self
                    .toks
                    .get(i + 2)
                    .is_some_and(|t| t.kind == TokenKind::Num)
            }
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
            // `3M workers`: a magnitude before a plural noun (`3M said` is the company).
            "m" if self.word(after + 1).is_some_and(plural) => 1e6,
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
            } else if w == "basis" && matches!(self.word(last + 2), Some("point" | "points")) {
                last += 2;
                kind = NumKind::Percent;
                unit = Some("basis point");
            } else if !money {
                if let Some(c) = currency_word(w) {
                    // `won` after a number is the currency only when it is not the verb;
                    // `pounds` is a weight after `weigh` or before `of` (`40 pounds of rice`).
                    let weight = matches!(w, "pound" | "pounds") && self.pounds_weight(first, last);
                    if weight {
                        return Some(Reading {
                            unit: Some("lb"),
                            ..Reading::plain(first, last + 1, value, NumKind::Measure)
                        });
                    }
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
        // `a magnitude 6.2 earthquake`
        if kind == NumKind::Cardinal
            && unit.is_none()
            && first > 0
            && self.word(first - 1) == Some("magnitude")
        {
            return Some(Reading {
                unit: Some("magnitude"),
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
}
