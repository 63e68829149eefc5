//! Numbers: the value, what is counted, and how sure the text is.
//!
//! The text is normalised (the same offset map as entity matching) and tokenised into words,
//! digit groups and punctuation; a left-to-right parser then reads, at each token, the longest
//! number it can: digits with separators, decimals and magnitudes (`1.5 million`, `$63.4bn`,
//! `10K`), number words (`twenty-one thousand five hundred`, `a dozen`, `half a million`),
//! percentages, money, fractions and proportions (`two-thirds`, `one in five`, `nine out of 10`),
//! ranks (`finished third`, `the 8th`), ranges (`between 10,000 and 12,000`, `10,000-12,000`) and
//! vague magnitudes (`tens of thousands`). The qualifier before it (`more than`, `around`) and the
//! counted noun phrase after it (`seven Russian ships` -> `Russian ships`, head `ships`) are
//! attached.
//!
//! Dates, years, times, phone numbers, addresses and codes (`Oct. 3`, `since 2022`, `10:53 am`,
//! `G7`, `F-16`, `Resolution 2231`) are never counts: they are skipped, or returned with their own
//! kind when [`NumberOptions::include_non_counts`] is set.

#[cfg(test)]
mod tests;

use crate::error::Result;
use crate::text::is_month_word as month_word;
use crate::text::normalize::OrigSpan;
use crate::text::{NormOptions, NormText};

/// What a number is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumKind {
    /// A count or amount (`1,500 soldiers`, `a dozen`, `tens of thousands`).
    Cardinal,
    /// A rank (`third`, `8th`).
    Ordinal,
    /// A percentage (`15%`, `15 percent`); the value is the percentage (15).
    Percent,
    /// An amount of money; the value is in units of `unit` (an ISO 4217 code).
    Money,
    /// A fraction or proportion (`two-thirds`, `one in five`); the value is the ratio.
    Fraction,
    /// A range; `low` and `high` are its ends, and the value is the low end.
    Range,
    /// A day of the month in a date (`Oct. 3`), or an ISO date (`2024-10-23`).
    Date,
    /// A year (`since 2022`).
    Year,
    /// A time of day (`10:53 am`).
    Time,
    /// A code or a name with a number in it (`G7`, `F-16`, `Resolution 2231`, a phone number).
    Code,
}

impl NumKind {
    /// The kind's name in output.
    pub fn as_str(self) -> &'static str {
        match self {
            NumKind::Cardinal => "cardinal",
            NumKind::Ordinal => "ordinal",
            NumKind::Percent => "percent",
            NumKind::Money => "money",
            NumKind::Fraction => "fraction",
            NumKind::Range => "range",
            NumKind::Date => "date",
            NumKind::Year => "year",
            NumKind::Time => "time",
            NumKind::Code => "code",
        }
    }

    /// Dates, years, times and codes: never a count of anything.
    pub fn is_count(self) -> bool {
        !matches!(
            self,
            NumKind::Date | NumKind::Year | NumKind::Time | NumKind::Code
        )
    }
}

/// One number found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    /// The number's own words (`1.5 million`, `$2.5 billion`, `between 10,000 and 12,000`).
    pub span: OrigSpan,
    /// The value (see [`NumKind`] for what it means per kind).
    pub value: f64,
    /// Low and high ends of a range.
    pub low: Option<f64>,
    /// High end of a range.
    pub high: Option<f64>,
    /// The kind.
    pub kind: NumKind,
    /// A vague magnitude (`tens of thousands`, `dozens`): the value is a lower bound.
    pub vague: bool,
    /// Currency (ISO 4217), or `percent` / `percentage point`.
    pub unit: Option<&'static str>,
    /// The qualifier before the number, normalised (`more than`), and its span.
    pub approx: Option<(&'static str, OrigSpan)>,
    /// The counted noun phrase after the number and its head word.
    pub object: Option<(OrigSpan, OrigSpan)>,
}

/// Options for number extraction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NumberOptions {
    /// Also return dates, years, times and codes, with their own kinds.
    pub include_non_counts: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tk {
    Word,
    Num,
    Punct(u8),
    Symbol(char),
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    kind: Tk,
    s: usize,
    e: usize,
    /// Whitespace stands before the token.
    gap: bool,
}
// Tokens live only for one chunk of at most a few hundred KB, so their size does not matter.

/// Tokens of `t[from..to]` (offsets stay those of `t`).
fn tokenize(t: &str, from: usize, to: usize) -> Vec<Tok> {
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
            Tk::Num
        } else if c.is_ascii_alphabetic() {
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            Tk::Word
        } else if c < 0x80 {
            i += 1;
            Tk::Punct(c)
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
                Tk::Word
            } else if matches!(ch, '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{2070}'..='\u{2089}') {
                // A footnote mark or an exponent is no part of a number (`1500¹ troops`).
                continue;
            } else {
                Tk::Symbol(ch)
            }
        };
        out.push(Tok {
            kind,
            s: start,
            e: i,
            gap,
        });
        gap = false;
    }
    out
}

fn unit_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

fn tens_word(w: &str) -> Option<f64> {
    Some(match w {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" => 1e3,
        "million" | "mln" | "mn" => 1e6,
        "billion" | "bln" | "bn" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

fn ordinal_word(w: &str) -> Option<f64> {
    Some(match w {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "hundredth" => 100.0,
        "thousandth" => 1000.0,
        "millionth" => 1e6,
        _ => return None,
    })
}

/// Denominators: `thirds` -> 3, `quarter` -> 4, `half` -> 2.
fn denominator_word(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" | "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '£' => "GBP",
        '€' => "EUR",
        '¥' => "JPY",
        '₩' => "KRW",
        '₹' => "INR",
        '₽' => "RUB",
        '₴' => "UAH",
        _ => return None,
    })
}

fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" | "usd" => "USD",
        "euro" | "euros" | "eur" => "EUR",
        "pound" | "pounds" | "gbp" | "sterling" => "GBP",
        "yen" | "jpy" => "JPY",
        "yuan" | "renminbi" | "cny" => "CNY",
        "won" | "krw" => "KRW",
        "ruble" | "rubles" | "rouble" | "roubles" | "rub" => "RUB",
        "rupee" | "rupees" | "inr" => "INR",
        "hryvnia" | "hryvnias" | "uah" => "UAH",
        _ => return None,
    })
}

/// Words that end the counted noun phrase.
fn stop_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "to"
            | "of"
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "by"
            | "with"
            | "and"
            | "or"
            | "but"
            | "as"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "are"
            | "is"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "have"
            | "has"
            | "had"
            | "do"
            | "does"
            | "did"
            | "not"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "per"
            | "than"
            | "since"
            | "after"
            | "before"
            | "during"
            | "while"
            | "across"
            | "via"
            | "near"
            | "each"
            | "including"
            | "like"
            | "if"
            | "when"
            | "where"
            | "this"
            | "these"
            | "those"
            | "there"
            | "their"
            | "its"
            | "his"
            | "her"
            | "our"
            | "it"
            | "they"
            | "he"
            | "she"
            | "we"
            | "you"
            | "i"
            | "according"
            | "said"
            | "says"
            | "say"
            | "already"
            | "still"
            | "also"
            | "just"
            | "now"
            | "then"
            | "soon"
            | "yet"
            | "even"
            | "only"
            | "total"
            | "more"
            | "less"
            | "fewer"
            | "so"
            | "out"
            | "up"
            | "down"
            | "off"
            | "about"
            | "around"
            | "against"
            | "between"
            | "among"
            | "within"
            | "without"
            | "through"
            | "toward"
            | "towards"
            | "until"
            | "last"
            | "ago"
            | "later"
            | "earlier"
            | "year"
            | "years"
    )
}

type FnvSet =
    std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<crate::text::Fnv>>;

/// Words that can begin a number: number words, ordinals, `a`/`an`/`half`/`dozen`, vague
/// plurals, and `between`/`from` (ranges).
fn is_trigger(w: &str) -> bool {
    static SET: std::sync::OnceLock<FnvSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let mut s = FnvSet::default();
        s.extend([
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "a",
            "an",
            "half",
            "dozen",
            "dozens",
            "tens",
            "scores",
            "hundreds",
            "thousands",
            "millions",
            "billions",
            "between",
            "from",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
            "thirtieth",
            "fortieth",
            "fiftieth",
            "hundredth",
            "thousandth",
            "millionth",
        ]);
        s
    })
    .contains(w)
}

/// A plural noun, by its ending or as one of the common irregular plurals of news.
fn plural(w: &str) -> bool {
    (w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is"))
        || matches!(
            w,
            "people"
                | "personnel"
                | "children"
                | "men"
                | "women"
                | "police"
                | "staff"
                | "cattle"
                | "sheep"
                | "aircraft"
                | "crew"
                | "infantry"
                | "artillery"
                | "militia"
                | "youth"
                | "civilians"
        )
}

/// Qualifiers before a number, longest first, with their normalised form.
const QUALIFIERS: &[(&[&str], &str)] = &[
    (&["as", "many", "as"], "as many as"),
    (&["as", "much", "as"], "as much as"),
    (&["as", "few", "as"], "as few as"),
    (&["no", "more", "than"], "no more than"),
    (&["an", "estimated"], "an estimated"),
    (&["more", "than"], "more than"),
    (&["fewer", "than"], "fewer than"),
    (&["less", "than"], "less than"),
    (&["at", "least"], "at least"),
    (&["at", "most"], "at most"),
    (&["up", "to"], "up to"),
    (&["just", "over"], "just over"),
    (&["just", "under"], "just under"),
    (&["close", "to"], "close to"),
    (&["upwards", "of"], "upwards of"),
    (&["nearly"], "nearly"),
    (&["almost"], "almost"),
    (&["about"], "about"),
    (&["around"], "around"),
    (&["roughly"], "roughly"),
    (&["approximately"], "approximately"),
    (&["some"], "some"),
    (&["over"], "over"),
    (&["estimated"], "an estimated"),
];

/// Verbs after which `about` is a preposition (`we know about 10,000 soldiers`), not a qualifier.
fn takes_about(w: &str) -> bool {
    matches!(
        w,
        "know"
            | "knew"
            | "known"
            | "knows"
            | "talk"
            | "talked"
            | "talks"
            | "talking"
            | "speak"
            | "spoke"
            | "speaks"
            | "speaking"
            | "think"
            | "thought"
            | "thinking"
            | "worry"
            | "worried"
            | "worries"
            | "care"
            | "cared"
            | "learn"
            | "learned"
            | "learnt"
            | "hear"
            | "heard"
            | "read"
            | "write"
            | "wrote"
            | "written"
            | "ask"
            | "asked"
            | "complain"
            | "complained"
            | "concerned"
            | "warned"
            | "warn"
            | "informed"
            | "reported"
            | "report"
            | "news"
            | "story"
            | "stories"
            | "questions"
            | "question"
            | "information"
    )
}

struct Parser<'a> {
    src: &'a str,
    norm: &'a NormText,
    t: &'a str,
    toks: Vec<Tok>,
}

/// A number's core, before qualifiers and objects.
#[derive(Clone, Copy, Debug)]
struct Core {
    first: usize,
    last: usize,
    value: f64,
    low: Option<f64>,
    high: Option<f64>,
    kind: NumKind,
    vague: bool,
    unit: Option<&'static str>,
}

impl Core {
    /// A core with no range, unit or vagueness.
    fn plain(first: usize, last: usize, value: f64, kind: NumKind) -> Core {
        Core {
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
    fn word(&self, i: usize) -> Option<&'a str> {
        let tok = self.toks.get(i)?;
        (tok.kind == Tk::Word).then(|| &self.t[tok.s..tok.e])
    }

    fn text(&self, i: usize) -> &'a str {
        let tok = self.toks[i];
        &self.t[tok.s..tok.e]
    }

    fn is_punct(&self, i: usize, c: u8) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Tk::Punct(c))
    }

    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.gap)
    }

    fn orig(&self, first: usize, last: usize) -> OrigSpan {
        self.norm.to_original(self.toks[first].s, self.toks[last].e)
    }

    /// Is token `i` written with a capital letter in the original text?
    fn capitalised(&self, i: usize) -> bool {
        let span = self.orig(i, i);
        self.src[span.byte_start..span.byte_end]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase())
    }

    /// Token `i` begins a sentence (or the text).
    fn sentence_start(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 {
            k -= 1;
            match self.toks[k].kind {
                Tk::Punct(b'.') | Tk::Punct(b'!') | Tk::Punct(b'?') | Tk::Punct(b':') => {
                    return true
                }
                Tk::Punct(b'"') | Tk::Punct(b'(') | Tk::Punct(b'[') | Tk::Punct(b'\'') => continue,
                _ => return false,
            }
        }
        true
    }

    /// Digits token value, with `,` as thousands separator (groups of three) and `.` decimal.
    fn digits(&self, i: usize) -> Option<f64> {
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
    fn word_number(&self, i: usize) -> Option<(f64, usize)> {
        let w = self.word(i)?;
        // `a dozen`, `a hundred`, `a million`
        if w == "a" || w == "an" {
            let n = self.word(i + 1)?;
            if n == "dozen" {
                return Some((12.0, i + 1));
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

    fn continue_words(
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
            // Hyphenated compounds: `twenty-one`.
            if self.is_punct(i, b'-') && self.glued(i) && self.glued(i + 1) {
                if let Some(n) = self.word(i + 1) {
                    if unit_word(n).is_some() {
                        i += 1;
                    }
                }
            }
        }
        last.map(|l| (total + current, l))
    }

    /// `one` followed by a noun counts; `no one`, `one of`, `the one` do not.
    fn one_is_number(&self, i: usize) -> bool {
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
                ) {
                    return false;
                }
            }
        }
        match self.word(i + 1) {
            Some(n) => !stop_word(n) && !matches!(n, "another" | "day" | "way" | "thing"),
            None => false,
        }
    }

    /// Magnitude right after a quantity: `1.5 million`, `10K`, `$63.4bn`, `£85m`.
    fn magnitude(&self, after: usize, money: bool) -> Option<(f64, usize)> {
        let tok = self.toks.get(after)?;
        let w = self.word(after)?;
        if tok.gap {
            return scale_word(w).map(|s| (s, after));
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
    fn quantity(&self, i: usize) -> Option<Core> {
        let tok = *self.toks.get(i)?;
        // Currency before: `$2.5 billion`, `US$ 10`, `£85m`.
        let (mut first, mut q, mut unit) = (i, i, None);
        match tok.kind {
            Tk::Punct(b'$') => {
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
            Tk::Symbol(c) => {
                unit = Some(currency_symbol(c)?);
                q = i + 1;
            }
            _ => {}
        }
        let money = unit.is_some();
        let qt = self.toks.get(q)?;
        let (mut value, mut last, mut kind) = match qt.kind {
            Tk::Num if self.vulgar(q).is_some() => {
                // `½`, `¾ of them` (NFKC `1⁄2`): a fraction, or an amount with a magnitude,
                // percent or currency (`½ million`, `¼%`).
                let (v, l) = self.vulgar(q)?;
                (v, l, NumKind::Fraction)
            }
            Tk::Num => {
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
                            return Some(Core::plain(first, q + 1, v, NumKind::Ordinal));
                        }
                    }
                    (v, q, NumKind::Cardinal)
                }
            }
            Tk::Word => {
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
        Some(Core {
            unit,
            ..Core::plain(first, last, value, kind)
        })
    }

    /// A fraction written with the fraction slash U+2044 at `i` (what NFKC makes of `½`):
    /// `1⁄2`, glued, with a numerator below the denominator. Returns (value, last token).
    fn vulgar(&self, i: usize) -> Option<(f64, usize)> {
        let slash = *self.toks.get(i + 1)?;
        if slash.kind != Tk::Symbol('\u{2044}') || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        if self.toks.get(i)?.kind != Tk::Num || self.toks.get(i + 2)?.kind != Tk::Num {
            return None;
        }
        let (n, d) = (self.digits(i)?, self.digits(i + 2)?);
        (d > 0.0 && n < d).then_some((n / d, i + 2))
    }

    /// Thousands separated by a space (`10 000`, `3 000 000`, with a no-break or narrow no-break
    /// space too, as European copy writes them): a group of 1-3 plain digits, then groups of
    /// exactly three, each after one whitespace character. Not next to a month (`May 5 200`).
    fn spaced_thousands(&self, i: usize) -> Option<(f64, usize)> {
        let plain = |k: usize| self.text(k).bytes().all(|b| b.is_ascii_digit());
        let first = self.text(i);
        if !plain(i) || first.len() > 3 || first.starts_with('0') {
            return None;
        }
        let mut value: f64 = first.parse().ok()?;
        let mut last = i;
        while let Some(t) = self.toks.get(last + 1) {
            if t.kind != Tk::Num || !t.gap || t.e - t.s != 3 || !plain(last + 1) {
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
    fn vague(&self, i: usize) -> Option<Core> {
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
        let mut value = 2.0 * unit;
        let mut last = i;
        if self.word(i + 1) == Some("of") {
            let higher = match self.word(i + 2) {
                Some("thousands") => Some(1e3),
                Some("millions") => Some(1e6),
                Some("billions") => Some(1e9),
                _ => None,
            };
            if let Some(h) = higher {
                value = 2.0 * unit * h;
                last = i + 2;
            }
        }
        if w == "tens" && last == i {
            return None; // `tens` alone is rarely a count
        }
        Some(Core {
            vague: true,
            ..Core::plain(i, last, value, NumKind::Cardinal)
        })
    }

    /// Fractions and proportions: `two-thirds`, `a third`, `three quarters`, `half`,
    /// `one in five`, `nine out of 10`.
    fn fraction(&self, i: usize) -> Option<Core> {
        let c = self.fraction_core(i)?;
        // `by a quarter point`, `half a percentage point`: an amount of percentage points.
        let (next, after) = (self.word(c.last + 1), self.word(c.last + 2));
        let points = match (next, after) {
            (Some("point" | "points"), _) => Some(c.last + 1),
            (Some("percentage"), Some("point" | "points")) => Some(c.last + 2),
            _ => None,
        };
        if let Some(last) = points {
            return Some(Core {
                unit: Some("percentage point"),
                ..Core::plain(c.first, last, c.value, NumKind::Percent)
            });
        }
        Some(c)
    }

    fn fraction_core(&self, i: usize) -> Option<Core> {
        let is_num = self.toks.get(i)?.kind == Tk::Num;
        let w = if is_num { "" } else { self.word(i)? };
        let mk = |last: usize, v: f64| Core::plain(i, last, v, NumKind::Fraction);
        // `X in Y`, `X out of Y`
        let num = if self.toks[i].kind == Tk::Num {
            self.digits(i)
        } else {
            unit_word(w).or_else(|| tens_word(w))
        };
        let num = num.or_else(|| {
            (self.toks[i].kind == Tk::Num)
                .then(|| self.digits(i))
                .flatten()
        });
        if let Some(n) = num {
            let (j, ok) = match (self.word(i + 1), self.word(i + 2)) {
                (Some("in"), _) => (i + 2, true),
                (Some("out"), Some("of")) => (i + 3, true),
                _ => (0, false),
            };
            if ok {
                let d = match self.toks.get(j).map(|t| t.kind) {
                    Some(Tk::Num) => self.digits(j),
                    Some(Tk::Word) => self
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
    fn range_after(&self, a: Core) -> Option<Core> {
        let join = a.last + 1;
        let dash = self.is_punct(join, b'-') && self.glued(join) && self.glued(join + 1);
        if !dash && !matches!(self.word(join), Some("to" | "and")) {
            return None;
        }
        let next = join + 1;
        let b = self.quantity(next)?;
        let units_clash = a.unit.is_some() && b.unit.is_some() && a.unit != b.unit;
        if matches!(b.kind, NumKind::Ordinal | NumKind::Fraction) || units_clash {
            return None;
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
        Some(Core {
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

    /// Non-counts at `i`: ISO dates, times, days next to months, codes glued to letters, phone
    /// numbers. Returns the kind and the last token.
    fn non_count(&self, i: usize) -> Option<(NumKind, usize)> {
        let tok = self.toks[i];
        if tok.kind != Tk::Num {
            return None;
        }
        let s = self.text(i);
        let plain = !s.contains(',') && !s.contains('.');
        // `2024-10-23`
        let num_at = |k: usize| {
            self.toks
                .get(k)
                .is_some_and(|t| t.kind == Tk::Num && !t.gap)
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
        // `10:53`, `10:53 am`, `10.53pm`
        if plain && self.is_punct(i + 1, b':') && self.glued(i + 1) && num_at(i + 2) {
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
            if p.kind == Tk::Word {
                return Some((NumKind::Code, self.code_end(i)));
            }
            if p.kind == Tk::Punct(b'-') && i > 1 && self.toks[i - 2].kind == Tk::Word && !p.gap {
                return Some((NumKind::Code, self.code_end(i)));
            }
        }
        // Glued to letters after, other than ordinal or magnitude suffixes: `5G`, `737MAX`.
        if let Some(w) = self.word(i + 1).filter(|_| self.glued(i + 1)) {
            let known = matches!(
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
            if !known {
                return Some((NumKind::Code, self.code_end(i)));
            }
        }
        // Phone numbers: a `+` before, or three or more groups joined by `-`, or a group with a
        // leading zero joined by `-`.
        if i > 0 && self.is_punct(i - 1, b'+') && self.glued(i) {
            return Some((NumKind::Code, self.code_end(i)));
        }
        if self.is_punct(i + 1, b'-') && self.glued(i + 1) && self.glued(i + 2) {
            let second = self.toks.get(i + 2).filter(|t| t.kind == Tk::Num);
            if let Some(sec) = second {
                let third = self.is_punct(i + 3, b'-')
                    && self
                        .toks
                        .get(i + 4)
                        .is_some_and(|t| t.kind == Tk::Num && !t.gap);
                let leading_zero = self.t[sec.s..sec.e].starts_with('0') && sec.e - sec.s > 1;
                if third || leading_zero {
                    return Some((NumKind::Code, self.code_end(i)));
                }
            }
        }
        None
    }

    /// The end of a code that may continue with `-`/`.` joined parts (`MH-17A`, `555-0143`).
    fn code_end(&self, i: usize) -> usize {
        let mut last = i;
        while self.toks.get(last + 1).is_some_and(|t| !t.gap)
            && matches!(
                self.toks[last + 1].kind,
                Tk::Num | Tk::Word | Tk::Punct(b'-')
            )
        {
            if self.toks[last + 1].kind == Tk::Punct(b'-')
                && !self
                    .toks
                    .get(last + 2)
                    .is_some_and(|t| !t.gap && t.kind != Tk::Punct(b'-'))
            {
                break;
            }
            last += 1;
        }
        last
    }

    /// A day number next to a month name (`Oct. 3`, `October 20`, `20 October`, `the 8th ...
    /// [of October]`), or a year after a date.
    fn near_month(&self, first: usize, last: usize, window: usize) -> bool {
        let lo = first.saturating_sub(window);
        let hi = (last + window).min(self.toks.len().saturating_sub(1));
        (lo..=hi).any(|k| (k < first || k > last) && self.word(k).is_some_and(month_word))
    }

    fn month_before(&self, i: usize) -> bool {
        let mut k = i;
        if k > 0 && self.is_punct(k - 1, b'.') {
            k -= 1;
        }
        k > 0 && self.word(k - 1).is_some_and(month_word)
    }

    fn month_after(&self, last: usize) -> bool {
        let mut k = last + 1;
        if self.word(k) == Some("of") {
            k += 1;
        }
        self.word(k).is_some_and(month_word)
    }

    /// A capitalised word right before the number names it (`Resolution 2231`, `Nikkei 225`,
    /// `Apollo 11`, `Article 5`): a code, not a count.
    fn named_by_word_before(&self, i: usize) -> bool {
        if i == 0 || self.toks[i].gap && self.toks[i - 1].kind != Tk::Word {
            return false;
        }
        let Some(w) = self.word(i - 1) else {
            return false;
        };
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
    fn qualifier(&self, first: usize) -> Option<(&'static str, usize)> {
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
    fn object(&self, last: usize) -> Option<(usize, usize)> {
        let mut k = last + 1;
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

    fn run(&self, opts: NumberOptions) -> Vec<Number> {
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
            if tok.kind == Tk::Word && !self.word(i).is_some_and(is_trigger) {
                i += 1;
                continue;
            }
            // Capitalised number words mid-sentence name things: `Group of Seven`.
            if tok.kind == Tk::Word
                && self
                    .word(i)
                    .is_some_and(|w| unit_word(w).is_some() || tens_word(w).is_some())
                && self.capitalised(i)
                && !self.sentence_start(i)
            {
                i += 1;
                continue;
            }
            // `between X and Y`, `from X to Y`
            if matches!(self.word(i), Some("between" | "from")) {
                if let Some(a) = self.quantity(i + 1) {
                    if let Some(mut r) = self.range_after(a) {
                        let joiner = self.word(a.last + 1);
                        let ok = (self.word(i) == Some("between") && joiner == Some("and"))
                            || (self.word(i) == Some("from") && joiner == Some("to"));
                        if ok && !self.date_like(&r) {
                            r.first = i;
                            out.push(self.finish(r, opts));
                            i = r.last + 1;
                            continue;
                        }
                    }
                }
            }
            let core = self
                .vague(i)
                .or_else(|| self.fraction(i))
                .or_else(|| self.quantity(i))
                .or_else(|| self.ordinal_word(i));
            let Some(mut core) = core else {
                i += 1;
                continue;
            };
            if matches!(
                core.kind,
                NumKind::Cardinal | NumKind::Money | NumKind::Percent
            ) {
                if let Some(r) = self.range_after(core) {
                    if !self.date_like(&r) && self.word(core.last + 1) != Some("and") {
                        core = r;
                    }
                }
            }
            // Dates, years, names.
            if let Some(kind) = self.reclassify(&core) {
                if opts.include_non_counts {
                    out.push(self.emit_plain(core.first, core.last, core.value, kind));
                }
                i = core.last + 1;
                continue;
            }
            out.push(self.finish(core, opts));
            i = core.last + 1;
        }
        out
    }

    fn ordinal_word(&self, i: usize) -> Option<Core> {
        let w = self.word(i)?;
        Some(Core::plain(i, i, ordinal_word(w)?, NumKind::Ordinal))
    }

    fn date_like(&self, c: &Core) -> bool {
        self.near_month(c.first, c.last, 8)
            && c.low.is_some_and(|l| l <= 31.0)
            && c.high.is_some_and(|h| h <= 31.0)
    }

    /// Dates, years and named numbers among what looked like counts.
    fn reclassify(&self, c: &Core) -> Option<NumKind> {
        let single = c.first == c.last && self.toks[c.first].kind == Tk::Num;
        let text = self.text(c.first);
        let plain = !text.contains(',') && !text.contains('.');
        if c.kind == NumKind::Ordinal && self.toks[c.first].kind == Tk::Num {
            if c.value <= 31.0 && self.near_month(c.first, c.last, 8) {
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

    fn emit_plain(&self, first: usize, last: usize, value: f64, kind: NumKind) -> Number {
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
        }
    }

    fn finish(&self, c: Core, _opts: NumberOptions) -> Number {
        let approx = self
            .qualifier(c.first)
            .map(|(q, start)| (q, self.orig(start, c.first - 1)));
        let object = if matches!(
            c.kind,
            NumKind::Cardinal | NumKind::Range | NumKind::Ordinal
        ) {
            let mut after = c.last;
            // `tens of thousands of people`, `dozens of ships`
            if c.vague && self.word(after + 1) == Some("of") {
                after += 1;
            }
            self.object(after)
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
        }
    }

    /// The head word of an object phrase: its last word (with a hyphenated compound whole).
    fn head_start(&self, s: usize, e: usize) -> usize {
        let mut k = e;
        while k >= s + 2 && self.is_punct(k - 1, b'-') && self.glued(k - 1) && self.glued(k) {
            k -= 2;
        }
        k
    }
}

/// The normalisation numbers need (the same as the default gazetteer's, so one pass can serve
/// both).
pub const NUMBER_NORM: NormOptions = NormOptions {
    fold_case: true,
    strip_diacritics: true,
};

/// Chunks are cut after a sentence end (`. `, `? `, `! `) once this many bytes are reached, so
/// that token buffers stay small on huge texts; a number never spans a sentence end.
const CHUNK_BYTES: usize = 1 << 16;

/// How far from a chunk cut no digit may stand: the parser's context (a qualifier before, a
/// range's other end, a month, an object after) reaches fewer words than this.
const CUT_MARGIN: usize = 64;

/// Where the chunk that starts at byte `from` of the normalised text `t` ends (a char boundary).
///
/// The cut must be where no number, date or range can span it: the first place after
/// `CHUNK_BYTES` that is a paragraph break or a sentence end (`. ` not closing an abbreviation
/// or a month: `Oct. 3`) with no digit within `CUT_MARGIN` bytes either side; failing that within
/// 4x `CHUNK_BYTES`, any space with no digit that near; failing that (text dense with digits and
/// no sentence ends for 256 KB), the last space before 4x `CHUNK_BYTES`.
fn chunk_end(t: &str, from: usize) -> usize {
    let b = t.as_bytes();
    let hard = (from + 4 * CHUNK_BYTES).min(b.len());
    let lo = from + CHUNK_BYTES;
    // The nearest digits before and after the scan position, kept up to date as it moves right
    // (each byte is looked at a bounded number of times: linear).
    let horizon = (hard + CUT_MARGIN).min(b.len());
    let next_digit_from = |k: usize| (k..horizon).find(|&j| b[j].is_ascii_digit());
    let mut prev_digit = (lo.saturating_sub(CUT_MARGIN)..lo)
        .rev()
        .find(|&j| b[j].is_ascii_digit());
    let mut next_digit = next_digit_from(lo);
    let mut fallback = None;
    let mut k = lo;
    while k + 1 < hard {
        if next_digit.is_some_and(|d| d < k) {
            prev_digit = next_digit;
            next_digit = next_digit_from(k);
        }
        if b[k].is_ascii_digit() {
            prev_digit = Some(k);
        }
        let digit_free = |k: usize| {
            prev_digit.is_none_or(|d| k - d > CUT_MARGIN)
                && next_digit.is_none_or(|d| d <= k || d - k > CUT_MARGIN)
        };
        let c = b[k];
        let sentence_end = c == b'\n'
            || (matches!(c, b'.' | b'?' | b'!')
                && b[k + 1] == b' '
                && !(c == b'.' && crate::text::sentences::abbreviation_period(t, k)));
        if (sentence_end || (c == b' ' && fallback.is_none())) && digit_free(k) {
            if sentence_end {
                return boundary(t, k + 1 + usize::from(c != b'\n'));
            }
            fallback = Some(k + 1);
        }
        k += 1;
    }
    let last_space = || {
        (lo..hard)
            .rev()
            .find(|&k| b[k] == b' ' || b[k] == b'\n')
            .map(|k| k + 1)
    };
    boundary(t, fallback.or_else(last_space).unwrap_or(hard))
}

fn boundary(t: &str, mut k: usize) -> usize {
    while k < t.len() && !t.is_char_boundary(k) {
        k += 1;
    }
    k
}

/// Finds the numbers in `text`.
pub fn find_numbers(text: &str, opts: NumberOptions) -> Result<Vec<Number>> {
    let norm = NormText::new(text, NUMBER_NORM)?;
    Ok(find_numbers_in(text, &norm, opts))
}

/// Finds the numbers in `text`, given its normalisation with [`NUMBER_NORM`].
pub fn find_numbers_in(text: &str, norm: &NormText, opts: NumberOptions) -> Vec<Number> {
    let mut out = Vec::new();
    find_numbers_with(text, norm, opts, |n| out.push(n));
    out.shrink_to_fit();
    out
}

/// As [`find_numbers_in`], handing each number to `emit` in text order (a caller that stores
/// numbers in its own type builds its vector once, with no copy).
pub fn find_numbers_with(
    text: &str,
    norm: &NormText,
    opts: NumberOptions,
    mut emit: impl FnMut(Number),
) {
    let t = norm.as_str();
    let b = t.as_bytes();
    let mut last_end: Option<usize> = None;
    let mut from = 0;
    while from < b.len() {
        let mut to = b.len();
        if b.len() - from > CHUNK_BYTES {
            to = chunk_end(t, from);
        }
        let p = Parser {
            src: text,
            norm,
            t,
            toks: tokenize(t, from, to),
        };
        // Two numbers can map onto one original character when NFKC expands it (`¼` is
        // `1⁄4`): keep the first, so spans stay ordered and disjoint.
        for n in p.run(opts) {
            if last_end.is_none_or(|end| n.span.byte_start >= end) {
                last_end = Some(n.span.byte_end);
                emit(n);
            }
        }
        from = to;
    }
}
