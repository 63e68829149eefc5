//! What the words around a number say: non-counts (dates, times, codes, phone numbers), the
//! qualifier before it, the object after it, and kinds decided by context.

use crate::text::is_month_word as month_word;

use super::number::NumKind;
use super::parser::{Parser, Reading};
use super::tokens::TokenKind;
use super::words::*;

impl Parser<'_> {
    /// Non-counts at `i`: ISO dates, times, days next to months, codes glued to letters, phone
    /// numbers. Returns the kind and the last token.
    pub(super) fn non_count(&self, i: usize) -> Option<(NumKind, usize)> {
        let tok = self.toks[i];
        if tok.kind != TokenKind::Num {
            return None;
        }
        let s = self.text(i);
        let plain = !s.contains(',') && !s.contains('.');
        // Nine digits or more without separators: an id, a timestamp, an account number.
        if plain && s.len() >= 9 {
            return Some((NumKind::Code, i));
        }
        // Decades: `the 1960s`, `the ‘90s` (years); `in their 30s` (an age bracket).
        if plain && self.word(i + 1) == Some("s") && self.glued(i + 1) {
            let apostrophe = i > 0 && self.is_punct(i - 1, b'\'') && self.glued(i);
            if s.len() == 4 || (apostrophe && s.len() == 2) {
                return Some((NumKind::Year, i + 1));
            }
            if s.len() == 2 && s.ends_with('0') {
                return Some((NumKind::Code, i + 1));
            }
        }
        // `2024-10-23`
        let num_at = |k: usize| {
            self.toks
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Num && !t.gap)
        };
        if plain
            && s.len() == 4
            && self.is_punct(i + 1, b'-')
            && self.glued(i + 1)
            && num_at(i + 2)
            && self.is_punct(i + 3, b'-')
            && num_at(i + 4)
        {
            return Some((NumKind::Date, i + 4));
        }
        let book_before = i >= 2
            && self.word(i - 1).is_some()
            && self.capitalised(i - 1)
            && self.toks[i - 2].kind == TokenKind::Num
            && self.text(i - 2).len() == 1;
        if plain && book_before && self.is_punct(i + 1, b':') && self.glued(i + 1) && num_at(i + 2)
        {
            return Some((NumKind::Code, self.code_end(i + 2)));
        }
        // `10:53`, `10:53 am`, `10.53pm`; `2:1-14`, `3:1` (a verse, a ratio or a score: a
        // time has two digits after the colon).
        if plain && self.is_punct(i + 1, b':') && self.glued(i + 1) && num_at(i + 2) {
            if self.text(i + 2).len() != 2 {
                return Some((NumKind::Code, self.code_end(i + 2)));
            }
            {
                let mut last = i + 2;
                if matches!(self.word(last + 1), Some("am" | "pm")) {
                    last += 1;
                } else if matches!(self.word(last + 1), Some("a" | "p"))
                    && self.is_punct(last + 2, b'.')
                    && self.word(last + 3) == Some("m")
                {
                    last += 3;
                    if self.is_punct(last + 1, b'.') {
                        last += 1;
                    }
                }
                return Some((NumKind::Time, last));
            }
        }
        // `10 a.m.`, `7 p.m.`
        if plain
            && matches!(self.word(i + 1), Some("a" | "p"))
            && self.is_punct(i + 2, b'.')
            && self.word(i + 3) == Some("m")
            && s.parse::<u32>().is_ok_and(|h| (1..=12).contains(&h))
        {
            let last = if self.is_punct(i + 4, b'.') {
                i + 4
            } else {
                i + 3
            };
            return Some((NumKind::Time, last));
        }
        // `2025-26`: a fiscal or season year.
        if plain
            && s.len() == 4
            && (1800..=2100).contains(&s.parse::<u32>().unwrap_or(0))
            && self.is_punct(i + 1, b'-')
            && self.glued(i + 1)
            && num_at(i + 2)
            && self.text(i + 2).len() == 2
            && !self.is_punct(i + 3, b'-')
        {
            return Some((NumKind::Year, i + 2));
        }
        // `21/03/2025`, `3/15`: dates (`3/4 of voters` is a fraction, read elsewhere).
        if plain && self.is_punct(i + 1, b'/') && self.glued(i + 1) && num_at(i + 2) {
            let a = s.parse::<u32>().unwrap_or(0);
            let b = self.text(i + 2).parse::<u32>().unwrap_or(0);
            if self.is_punct(i + 3, b'/') && self.glued(i + 3) && num_at(i + 4) {
                return Some((NumKind::Date, i + 4));
            }
            let day_month = (1..=31).contains(&a) && (1..=31).contains(&b) && a.min(b) <= 12;
            if day_month && self.word(i + 3) != Some("of") {
                return Some((NumKind::Date, i + 2));
            }
        }
        // `.600 season`: a batting average or a record, never a count.
        if i > 0 && self.is_punct(i - 1, b'.') && self.glued(i) && self.toks[i - 1].gap {
            return Some((NumKind::Code, i));
        }
        // `1 Kings 4:20`: the book number of a chapter-and-verse citation.
        if plain
            && s.len() == 1
            && self.word(i + 1).is_some()
            && self.capitalised(i + 1)
            && self
                .toks
                .get(i + 2)
                .is_some_and(|t| t.kind == TokenKind::Num)
            && self.is_punct(i + 3, b':')
            && self.glued(i + 3)
            && num_at(i + 4)
        {
            return Some((NumKind::Code, i + 1));
        }
        // `Joe's/45`: a number after a slash glued to a word names something.
        if i >= 2
            && self.is_punct(i - 1, b'/')
            && self.glued(i)
            && self.glued(i - 1)
            && self.toks[i - 2].kind == TokenKind::Word
        {
            return Some((NumKind::Code, self.code_end(i)));
        }
        // `No. 4 train`, `Nos. 2 and 3`: a number that names.
        if i >= 2
            && self.is_punct(i - 1, b'.')
            && matches!(self.word(i - 2), Some("no" | "nos"))
            && self.capitalised(i - 2)
        {
            return Some((NumKind::Code, i));
        }
        // `The 40-Year-Old Virgin`: a number in a capitalised compound of a title.
        let cap_part = |k: usize| {
            self.is_punct(k, b'-')
                && self.glued(k)
                && self.glued(k + 1)
                && self.word(k + 1).is_some()
                && self.capitalised(k + 1)
        };
        if cap_part(i + 1) && cap_part(i + 3) {
            return Some((NumKind::Code, i + 4));
        }
        // `401(k)`
        if self.is_punct(i + 1, b'(')
            && self.glued(i + 1)
            && self.word(i + 2).is_some_and(|w| w.len() == 1)
            && self.is_punct(i + 3, b')')
        {
            return Some((NumKind::Code, i + 3));
        }
        // A phone number in spaced groups: `020 7123 4567`.
        if plain && s.len() >= 3 && s.starts_with('0') {
            let mut last = i;
            while self
                .toks
                .get(last + 1)
                .is_some_and(|t| t.kind == TokenKind::Num && (3..=4).contains(&(t.e - t.s)))
            {
                last += 1;
            }
            if last > i {
                return Some((NumKind::Code, last));
            }
        }
        if plain && matches!(self.word(i + 1), Some("am" | "pm")) {
            if let Ok(h) = s.parse::<u32>() {
                if (1..=12).contains(&h) {
                    return Some((NumKind::Time, i + 1));
                }
            }
        }
        // Glued to letters before: `G7`, `MH17`, `F-16`, `COVID-19`, `Su-27`.
        if !tok.gap && i > 0 {
            let p = self.toks[i - 1];
            if p.kind == TokenKind::Word {
                return Some((NumKind::Code, self.code_end(i)));
            }
            if p.kind == TokenKind::Punct(b'-')
                && i > 1
                && self.toks[i - 2].kind == TokenKind::Word
                && !p.gap
            {
                return Some((NumKind::Code, self.code_end(i)));
            }
        }
        // Glued to letters after, other than ordinal or magnitude suffixes: `5G`, `737MAX`.
        if let Some(w) = self.word(i + 1).filter(|_| self.glued(i + 1)) {
            let known = glued_unit(w).is_some()
                || matches!(
                    w,
                    "st" | "nd"
                        | "rd"
                        | "th"
                        | "k"
                        | "m"
                        | "mn"
                        | "mln"
                        | "b"
                        | "bn"
                        | "bln"
                        | "tn"
                        | "trn"
                        | "s"
                        | "am"
                        | "pm"
                        | "pct"
                );
            // `3M said`, `a 3M mask`: a name, unless money (`$3m`) or a plural noun follows.
            let money_before = i > 0
                && matches!(
                    self.toks[i - 1].kind,
                    TokenKind::Punct(b'$') | TokenKind::Symbol(_)
                );
            let company_m = w == "m" && !money_before && !self.word(i + 2).is_some_and(plural);
            if !known || company_m {
                return Some((NumKind::Code, self.code_end(i)));
            }
        }
        // Phone numbers: a `+` before, or three or more groups joined by `-`, or a group with a
        // leading zero joined by `-`.
        if i > 0 && self.is_punct(i - 1, b'+') && self.glued(i) {
            return Some((NumKind::Code, self.code_end(i)));
        }
        if self.is_punct(i + 1, b'-') && self.glued(i + 1) && self.glued(i + 2) {
            let second = self.toks.get(i + 2).filter(|t| t.kind == TokenKind::Num);
            if let Some(sec) = second {
                let third = self.is_punct(i + 3, b'-')
                    && self
                        .toks
                        .get(i + 4)
                        .is_some_and(|t| t.kind == TokenKind::Num && !t.gap);
                let leading_zero = self.t[sec.s..sec.e].starts_with('0') && sec.e - sec.s > 1;
                if third || leading_zero {
                    return Some((NumKind::Code, self.code_end(i)));
                }
            }
        }
        None
    }

    /// The end of a code that may continue with `-`/`.` joined parts (`MH-17A`, `555-0143`).
    pub(super) fn code_end(&self, i: usize) -> usize {
        let mut last = i;
        while self.toks.get(last + 1).is_some_and(|t| !t.gap)
            && matches!(
                self.toks[last + 1].kind,
                TokenKind::Num | TokenKind::Word | TokenKind::Punct(b'-')
            )
        {
            if self.toks[last + 1].kind == TokenKind::Punct(b'-')
                && !self
                    .toks
                    .get(last + 2)
                    .is_some_and(|t| !t.gap && t.kind != TokenKind::Punct(b'-'))
            {
                break;
            }
            last += 1;
        }
        last
    }

    /// A day number next to a month name (`Oct. 3`, `October 20`, `20 October`, `the 8th ...
    /// [of October]`), or a year after a date.
    pub(super) fn near_month(&self, first: usize, last: usize, window: usize) -> bool {
        let lo = first.saturating_sub(window);
        let hi = (last + window).min(self.toks.len().saturating_sub(1));
        (lo..=hi).any(|k| (k < first || k > last) && self.word(k).is_some_and(month_word))
    }

    pub(super) fn month_before(&self, i: usize) -> bool {
        let mut k = i;
        if k > 0 && self.is_punct(k - 1, b'.') {
            k -= 1;
        }
        k > 0 && self.word(k - 1).is_some_and(month_word)
    }

    pub(super) fn month_after(&self, last: usize) -> bool {
        let mut k = last + 1;
        if self.word(k) == Some("of") {
            k += 1;
        }
        self.word(k).is_some_and(month_word)
    }

    /// A capitalised word right before the number names it (`Resolution 2231`, `Nikkei 225`,
    /// `Apollo 11`, `Article 5`): a code, not a count.
    pub(super) fn named_by_word_before(&self, i: usize) -> bool {
        // `iPhone 15 Pro`, `Galaxy S24 Ultra`: a model name.
        if self
            .word(i + 1)
            .is_some_and(|w| matches!(w, "pro" | "max" | "plus" | "ultra" | "mini" | "lite"))
            && self.capitalised(i + 1)
        {
            return true;
        }
        // `the Group of 20`
        if i >= 2
            && self.word(i - 1) == Some("of")
            && self.word(i - 2) == Some("group")
            && self.capitalised(i - 2)
        {
            return true;
        }
        if i == 0 || self.toks[i].gap && self.toks[i - 1].kind != TokenKind::Word {
            return false;
        }
        let Some(w) = self.word(i - 1) else {
            return false;
        };
        // `channel 125`, `flight 370`, `room 12`, `exit 4`: a number that names.
        if matches!(
            w,
            "channel"
                | "route"
                | "highway"
                | "interstate"
                | "flight"
                | "room"
                | "suite"
                | "apartment"
                | "exit"
                | "gate"
                | "platform"
                | "chapter"
                | "section"
                | "article"
                | "pier"
                | "part"
                | "episode"
                | "volume"
                | "page"
                | "verse"
                | "precinct"
                | "bus"
                | "line"
        ) {
            return true;
        }
        if month_word(w)
            || stop_word(w)
            || currency_word(w).is_some()
            || QUALIFIERS.iter().any(|(ws, _)| ws.last() == Some(&w))
            || matches!(
                w,
                "nearly"
                    | "almost"
                    | "roughly"
                    | "approximately"
                    | "some"
                    | "about"
                    | "another"
                    | "all"
                    | "exactly"
                    | "precisely"
                    | "barely"
                    | "fully"
                    | "my"
                    | "your"
                    | "top"
                    | "first"
                    | "last"
                    | "next"
                    | "only"
            )
        {
            return false;
        }
        self.capitalised(i - 1) && !self.text(i).contains(',')
    }

    /// The qualifier that ends right before token `first`.
    pub(super) fn qualifier(&self, first: usize) -> Option<(&'static str, usize)> {
        for (words, norm) in QUALIFIERS {
            let n = words.len();
            if first < n {
                continue;
            }
            let start = first - n;
            if (0..n).all(|k| self.word(start + k) == Some(words[k])) {
                if *norm == "about" && start > 0 && self.word(start - 1).is_some_and(takes_about) {
                    return None;
                }
                if *norm == "some" && self.word(first) == Some("of") {
                    return None;
                }
                return Some((norm, start));
            }
        }
        None
    }

    /// The counted noun phrase after token `last`: up to four words, ending at punctuation,
    /// a function word, another number, or (after the first word) a verb-like `-ed`/`-ing` word.
    pub(super) fn object(&self, last: usize) -> Option<(usize, usize)> {
        let mut k = last + 1;
        // `4,500 such donors`, `the first such meeting`: what is counted comes after `such`.
        if self.word(k) == Some("such") {
            k += 1;
        }
        let start = k;
        let mut end = None;
        let mut words = 0;
        while words < 4 {
            let Some(w) = self.word(k) else { break };
            if stop_word(w) || unit_word(w).is_some() || month_word(w) {
                break;
            }
            if words > 0 && (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly")) {
                break;
            }
            end = Some(k);
            words += 1;
            k += 1;
            // Hyphenated words: `anti-tank`, `Russian-made`.
            while self.is_punct(k, b'-')
                && self.glued(k)
                && self.glued(k + 1)
                && self.word(k + 1).is_some()
            {
                end = Some(k + 1);
                k += 2;
            }
            // A possessive or plural apostrophe ends the phrase: `containers' worth`.
            if self.is_punct(k, b'\'') && self.glued(k) {
                break;
            }
            // A plural head ends the phrase unless another plural follows (`special forces
            // soldiers`): `missiles overnight` -> `missiles`, `drones hit` -> `drones`.
            let here = self.word(k - 1).unwrap_or("");
            if plural(here) && !self.word(k).is_some_and(plural) {
                break;
            }
        }
        end.map(|e| (start, e))
    }

    pub(super) fn ordinal_word(&self, i: usize) -> Option<Reading> {
        let w = self.word(i)?;
        // `first lady`, `first gentleman`: a title, not a rank; `first met`, `first reported`:
        // an adverb; `first-person`, `first-hand`: an adjective.
        if w == "first" {
            let next = self.word(i + 1);
            let hyphen = self.is_punct(i + 1, b'-') && self.glued(i + 1);
            let title = matches!(
                next,
                Some("lady" | "ladies" | "gentleman" | "dude" | "husband" | "family" | "daughter")
            );
            let determiner = i > 0
                && self.word(i - 1).is_some_and(|d| {
                    definite(d) || matches!(d, "a" | "an" | "this" | "that" | "s")
                });
            let adverb = !determiner
                && next.is_some_and(|v| {
                    (v.ends_with("ed") && v.len() > 3)
                        || matches!(
                            v,
                            "met"
                                | "came"
                                | "took"
                                | "became"
                                | "saw"
                                | "went"
                                | "won"
                                | "ran"
                                | "made"
                                | "began"
                                | "told"
                                | "said"
                                | "heard"
                                | "got"
                        )
                });
            let adjective = hyphen
                && matches!(
                    self.word(i + 2),
                    Some("person" | "hand" | "rate" | "class" | "degree")
                );
            if title || (adverb && !hyphen) || adjective {
                return None;
            }
        }
        Some(Reading::plain(i, i, ordinal_word(w)?, NumKind::Ordinal))
    }

    pub(super) fn date_like(&self, c: &Reading) -> bool {
        self.near_month(c.first, c.last, 8)
            && c.low.is_some_and(|l| l <= 31.0)
            && c.high.is_some_and(|h| h <= 31.0)
    }

    /// Dates, years and named numbers among what looked like counts.
    pub(super) fn reclassify(&self, c: &Reading) -> Option<NumKind> {
        let single = c.first == c.last && self.toks[c.first].kind == TokenKind::Num;
        let text = self.text(c.first);
        let plain = !text.contains(',') && !text.contains('.');
        if c.kind == NumKind::Ordinal && self.toks[c.first].kind == TokenKind::Num {
            if c.value <= 31.0 && self.near_month(c.first, c.last, 8) {
                return Some(NumKind::Date);
            }
            // `on the 19th`, `by the 3rd`: a day of the month.
            let i = c.first;
            if c.value <= 31.0
                && i >= 2
                && self.word(i - 1) == Some("the")
                && matches!(
                    self.word(i - 2),
                    Some("on" | "by" | "until" | "till" | "since")
                )
            {
                return Some(NumKind::Date);
            }
            return None;
        }
        if c.kind == NumKind::Range && self.date_like(c) {
            return Some(NumKind::Date);
        }
        if !single || c.kind != NumKind::Cardinal {
            return None;
        }
        let i = c.first;
        if plain && c.value <= 31.0 && (self.month_before(i) || self.month_after(c.last)) {
            return Some(NumKind::Date);
        }
        if plain && text.len() == 4 && (1800.0..=2100.0).contains(&c.value) {
            // A year, unless a qualifier makes it a count (`some 2000 soldiers`).
            if self.qualifier(i).is_none() {
                return Some(NumKind::Year);
            }
        }
        if self.named_by_word_before(i) {
            return Some(NumKind::Code);
        }
        // `911 calls`: the emergency number.
        if text == "911"
            && matches!(
                self.word(i + 1),
                Some("call" | "calls" | "dispatcher" | "operator" | "operators")
            )
        {
            return Some(NumKind::Code);
        }
        // A street address: `1600 Pennsylvania Avenue`.
        for k in (i + 1)..(i + 5).min(self.toks.len()) {
            if let Some(w) = self.word(k) {
                if matches!(
                    w,
                    "street"
                        | "st"
                        | "avenue"
                        | "ave"
                        | "road"
                        | "rd"
                        | "boulevard"
                        | "blvd"
                        | "lane"
                        | "drive"
                ) && self.capitalised(k)
                    && self.capitalised(i + 1)
                {
                    return Some(NumKind::Code);
                }
            } else {
                break;
            }
        }
        None
    }
}
