//! Direct quotes, who said them, and the sources of reported speech.
//!
//! 1. Quote marks are paired paragraph by paragraph ([`marks`]): straight and typographic double
//!    marks, `„“`, `«»` and `''`; single marks only where both ends are found. Apostrophes are
//!    never marks.
//! 2. The text outside quotes is tokenised; each quote becomes one opaque token, so sentence
//!    ends inside a quote do not split the sentence that carries its attribution
//!    (`"It is over!" Smith said.` is one sentence here).
//! 3. Every sentence is searched for speech cues: a speech verb with its subject
//!    (`Zelensky said`, `the agency stated`, inverted `said Lim Eul-chul`), `according to X`,
//!    `as per X`, `citing X`. Subjects skip auxiliaries and time words (`has also said`, `on
//!    Friday said`) and appositions (`Andrii Sybiha, Ukraine's foreign minister, said`).
//! 4. Speakers resolve to gazetteer entities: an entity at the head of the phrase
//!    (`Ukrainian President Volodymyr Zelensky`), a pronoun to the most recent fitting mention
//!    (`he` a person, `it` an organisation or place, `they` the last group that spoke), a role
//!    noun to the most recent entity whose `role`/`type` attribute or title fits (`the spy
//!    agency` an intelligence organisation, `the congressman` a person titled as a House
//!    member). Groups (`South Korean officials`) keep their text and resolve to no entity.
//! 5. A quote takes the cue right after it (`"…," he said`, `"…" - X`), else `X: "…"`, else the
//!    nearest cue before it in its sentence, else a cue later in the sentence; a quote paragraph
//!    with no cue continues the previous paragraph's speaker. Short title-like quotes with no
//!    attached cue (`"Meet the Press"`, `"Shorty"`) are not quotes, and nor is an embedded
//!    quote whose sentence has no cue at all (scare quotes).
//! 6. A number inside a quote has the quote's speaker as its source; otherwise the source is the
//!    reporting cue of its sentence: `citing X`, else `according to X`, else the first reporting
//!    verb's speaker. Verbs that do not report a claim (`denied`, `accused`, `called`) give none.

mod marks;
#[cfg(test)]
mod tests;
mod verbs;
mod words;

use crate::gazetteer::{Gazetteer, Mention};
use crate::text::is_word_char;
use crate::text::normalize::OrigSpan;
use crate::text::sentences::abbreviation_period;
use marks::RawQuote;
use words::{Gender, Pronoun, Role};

/// Who said something.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The speaker's words in the text (`Lim Eul-chul`, `he`, `the spy agency`,
    /// `South Korean officials`).
    pub span: OrigSpan,
    /// The gazetteer entity (index) the speaker resolved to, if any.
    pub entity: Option<u32>,
    /// For pronouns and role nouns: the earlier (or, for an organisation named just after,
    /// later) words they were resolved to.
    pub antecedent: Option<OrigSpan>,
}

/// How a quote's speaker was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cue {
    /// `"…," he said` / `"…," said X`: a speech verb right after the quote.
    After,
    /// `X said, "…"` / `X said that "…"`: the nearest speech verb before it in its sentence.
    Before,
    /// `X: "…"`.
    Colon,
    /// `"…" - X`.
    Dash,
    /// A speech verb later in the quote's sentence (`"large-scale" deployments …, the agency
    /// said`).
    Sentence,
    /// A quote paragraph with no cue, continuing the previous paragraph's speaker.
    Continued,
    /// A quote in a headline, said by the name the headline opens with (`Mayor Vows City
    /// Will 'Never Give Up'`, `Berg: Roads Open 'On Monday'`).
    Headline,
    /// No cue: a full sentence in quotes whose speaker the text does not give.
    Unattributed,
}

impl Cue {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Cue::After => "after",
            Cue::Before => "before",
            Cue::Colon => "colon",
            Cue::Dash => "dash",
            Cue::Sentence => "sentence",
            Cue::Continued => "continued",
            Cue::Headline => "headline",
            Cue::Unattributed => "none",
        }
    }
}

/// A direct quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, inside the marks (across paragraphs for a continued quote).
    pub span: OrigSpan,
    /// The quoted words in each paragraph the quote spans.
    pub paragraphs: Vec<OrigSpan>,
    /// The speaker, if the text gives one.
    pub speaker: Option<Speaker>,
    /// The speech verb (`said`, `told`, `according to`).
    pub verb: Option<OrigSpan>,
    /// An embedded fragment (`were "alarming"`), not a full quoted sentence.
    pub partial: bool,
    /// A closing mark was found (an unclosed quote ends at its paragraph's end).
    pub closed: bool,
    /// How the speaker was found.
    pub cue: Cue,
}

/// Who a number is attributed to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The speaker.
    pub speaker: Speaker,
    /// The speech verb or phrase (`said`, `according to`).
    pub verb: Option<OrigSpan>,
    /// The quote the number sits in (an index into the document's quotes).
    pub quote: Option<usize>,
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum K {
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
struct Tok {
    k: K,
    s: usize,
    e: usize,
    /// Lower case of an ASCII word of at most 15 bytes (`’` read as `'`), else empty.
    lw: [u8; 15],
    lwn: u8,
    cap: bool,
}

impl Tok {
    fn new(k: K, s: usize, e: usize) -> Tok {
        Tok {
            k,
            s,
            e,
            lw: [0; 15],
            lwn: 0,
            cap: false,
        }
    }
    fn lw(&self) -> &str {
        std::str::from_utf8(&self.lw[..self.lwn as usize]).unwrap_or("")
    }
    /// The lower-case word without a possessive `'s`.
    fn base(&self) -> &str {
        let w = self.lw();
        w.strip_suffix("'s").unwrap_or(w)
    }
    fn is_word(&self) -> bool {
        self.k == K::Word
    }
}

fn word_tok(text: &str, s: usize, e: usize) -> Tok {
    let mut t = Tok::new(K::Word, s, e);
    let w = &text[s..e];
    t.cap = w.chars().next().is_some_and(char::is_uppercase);
    if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        t.k = K::Num;
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
    t
}

fn joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&' | ',' | '_')
}

/// Tokens of `text` outside the quotes, one at a time; each quote (mark to mark) is one
/// `Quote` token.
struct Tokenizer<'t> {
    text: &'t str,
    quotes: &'t [RawQuote],
    qi: usize,
    i: usize,
}

impl Iterator for Tokenizer<'_> {
    type Item = Tok;

    fn next(&mut self) -> Option<Tok> {
        let text = self.text;
        let n = text.len();
        while self.i < n {
            let i = self.i;
            if self.qi < self.quotes.len() && i >= self.quotes[self.qi].outer.0 {
                let (s, e) = self.quotes[self.qi].outer;
                let t = Tok::new(K::Quote(self.qi as u32), s, e);
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
                    return Some(Tok::new(K::Break, i, j));
                }
                continue;
            }
            if is_word_char(c) {
                let mut j = i + cl;
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
                ',' => K::Comma,
                ':' => K::Colon,
                '—' | '–' | '―' => K::Dash,
                '-' if text[..i].ends_with(char::is_whitespace)
                    && text[i + 1..].starts_with(char::is_whitespace) =>
                {
                    K::Dash
                }
                // A period right before a closing bracket ends no sentence (`(R-Fla.)`).
                '.' if text[i + 1..].starts_with(')') => K::Other,
                '.' | '!' | '?' | '…' | ';' => K::Term,
                _ => K::Other,
            };
            self.i = i + cl;
            return Some(Tok::new(k, i, i + cl));
        }
        None
    }
}

/// The longest sentence, in tokens: longer runs are cut, so memory stays bounded on text with
/// no sentence ends.
const MAX_SENTENCE: usize = 2048;

/// Groups tokens into sentences. Sentences end at terminators and paragraph breaks outside
/// quotes, and after a quote that ends in a terminator when a capitalised word follows that does
/// not attribute it (`"It is over." Then he left.`, but not `"It is over!" Smith said.`).
struct Sentences<'t> {
    tz: Tokenizer<'t>,
    buf: std::collections::VecDeque<Tok>,
}

impl Sentences<'_> {
    fn fill(&mut self, n: usize) -> bool {
        while self.buf.len() < n {
            match self.tz.next() {
                Some(t) => self.buf.push_back(t),
                None => break,
            }
        }
        !self.buf.is_empty()
    }

    /// The next sentence into `out`; false when the text is done.
    fn next_into(&mut self, out: &mut Vec<Tok>) -> bool {
        out.clear();
        while self.fill(1) {
            let t = self.buf.pop_front().expect("filled");
            out.push(t);
            match t.k {
                K::Term | K::Break => return true,
                K::Quote(q) => {
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
fn verb_within(toks: &[Tok], i: usize, n: usize) -> bool {
    let Some(v) = toks[i..]
        .iter()
        .take(n)
        .take_while(|t| t.is_word())
        .position(|t| words::speech_verb(t.lw()).is_some_and(|v| !v.noun_like))
    else {
        return false;
    };
    let rest = toks[i + v + 1..].iter().take_while(|t| t.is_word()).count();
    rest <= 4
        && toks
            .get(i + v + 1 + rest)
            .is_none_or(|t| matches!(t.k, K::Term | K::Comma | K::Break))
}

// ---------------------------------------------------------------------------------------------
// Cues

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CueKind {
    Verb,
    According,
    Citing,
}

#[derive(Clone, Debug)]
struct CueRec {
    kind: CueKind,
    /// Token of the verb (or `according`).
    trigger: usize,
    /// Bytes of the verb phrase.
    verb: (usize, usize),
    /// Tokens of the speaker's phrase.
    np: Option<(usize, usize)>,
    reports: bool,
    speaker: Option<Spk>,
}

/// How many mentions back a pronoun or role noun looks for its antecedent (so that a text of
/// many pronouns and mentions stays linear).
const LOOKBACK: usize = 400;

/// A speaker in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Spk {
    span: (usize, usize),
    entity: Option<u32>,
    antecedent: Option<(usize, usize)>,
    plural: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Person,
    Org,
    Place,
    Other,
}

struct Ctx<'a> {
    text: &'a str,
    /// The current sentence.
    toks: Vec<Tok>,
    gaz: &'a Gazetteer,
    /// (start, end, entity, class), in text order.
    ments: Vec<(usize, usize, u32, Class)>,
    /// Speakers found so far, in text order: (position, speaker, class).
    history: Vec<(usize, Spk, Option<Class>)>,
    /// The document's first paragraph when it reads as a headline (short, more follows).
    headline: Option<(usize, usize)>,
}

fn class_of(kind: &str) -> Class {
    match kind {
        "person" => Class::Person,
        "org" | "organisation" | "organization" | "agency" => Class::Org,
        "place" | "country" | "city" | "location" => Class::Place,
        _ => Class::Other,
    }
}

impl<'a> Ctx<'a> {
    /// The speaker phrase before the verb at token `v` (sentence starts at `s0`).
    fn np_back(&self, s0: usize, v: usize) -> Option<(usize, usize)> {
        let t = &self.toks;
        let mut j = v;
        // Skip auxiliaries, adverbs and time phrases between subject and verb.
        while j > s0 && t[j - 1].is_word() {
            let w = t[j - 1].lw();
            // (`jokingly`, `formally`: an adverb in -ly.)
            let adverb = w.len() > 4 && w.ends_with("ly") && !t[j - 1].cap;
            if words::between_subject_and_verb(w) || adverb {
                j -= 1;
            } else if words::time_word(w) {
                j -= 1;
                if j > s0 && t[j - 1].is_word() && words::time_lead(t[j - 1].lw()) {
                    j -= 1;
                }
            } else {
                break;
            }
        }
        // `in the past`, `at the time`, `in an interview` between subject and verb.
        if j >= s0 + 3
            && t[j - 3].is_word()
            && matches!(t[j - 3].lw(), "in" | "at")
            && matches!(t[j - 2].lw(), "the" | "an" | "a")
            && matches!(
                t[j - 1].lw(),
                "past" | "time" | "end" | "interview" | "statement"
            )
        {
            j -= 3;
        }
        // `Mr. Trump was prompted to say`, `she declined to comment`: the subject of the verb
        // that controls the infinitive.
        if j > s0 + 1 && t[j - 1].is_word() && t[j - 1].lw() == "to" {
            let mut k = j - 1;
            while k > s0
                && j - 1 - k < 4
                && t[k - 1].is_word()
                && words::control_verb(t[k - 1].lw())
            {
                k -= 1;
            }
            if k < j - 1 {
                j = k;
            }
        }
        // `the National Intelligence Service (NIS) stated`: skip the bracketed acronym.
        if j > s0 + 2 && t[j - 1].k == K::Other && &self.text[t[j - 1].s..t[j - 1].e] == ")" {
            let mut k = j - 1;
            while k > s0 && !(t[k - 1].k == K::Other && &self.text[t[k - 1].s..t[k - 1].e] == "(") {
                k -= 1;
                if j - k > 6 {
                    break;
                }
            }
            if k > s0 && j - k <= 6 {
                j = k - 1;
            }
        }
        if j == s0 {
            return None;
        }
        // `Jason Sims — a teacher from Mount Pleasant — says`: the name before the dashes.
        if t[j - 1].k == K::Dash && j >= s0 + 2 {
            if let Some(k) = (j.saturating_sub(14).max(s0)..j - 1)
                .rev()
                .find(|&k| t[k].k == K::Dash)
            {
                if let Some((a, b)) = self.np_words_back(s0, k) {
                    if t[a].cap {
                        return Some((a, b));
                    }
                }
            }
        }
        if t[j - 1].k == K::Comma {
            // `X, a professor at Y, said`: the phrase before the apposition. With a long or
            // nested apposition (`Tom Fitton, the president of Judicial Watch, a group that …,
            // said`), the name that opens the sentence, before its first comma.
            // (Past an introductory phrase: `Speaking later, Sen. X, who …, said`.)
            let mut start = s0;
            if t[s0].is_word() && words::introductory(t[s0].lw()) {
                if let Some(k) = (s0..j - 1).find(|&k| t[k].k == K::Comma) {
                    start = k + 1;
                }
            }
            if let Some(k) = (start..j - 1).find(|&k| t[k].k == K::Comma) {
                if k > start && j - k <= 40 {
                    if let Some((a, b)) = self.np_words_back(start, k) {
                        if (t[a].cap || words::pronoun(t[a].lw()).is_some()) && b - a <= 6 {
                            return Some((a, b));
                        }
                    }
                }
            }
            let c2 = j - 1;
            let mut k = c2;
            while k > s0 && c2 - k <= 10 {
                k -= 1;
                match t[k].k {
                    K::Comma => return self.np_words_back(s0, k),
                    K::Word | K::Num => {}
                    _ => return None,
                }
            }
            return None;
        }
        self.np_words_back(s0, j)
    }

    fn np_words_back(&self, s0: usize, end: usize) -> Option<(usize, usize)> {
        let t = &self.toks;
        let mut a = end;
        while a > s0 && t[a - 1].is_word() && end - a < 8 {
            let w = t[a - 1].lw();
            if words::np_stop(w) || words::speech_verb(w).is_some_and(|v| !v.noun_like) {
                break;
            }
            if words::pronoun(w).is_some() || w == "i" {
                // A pronoun is a whole phrase (`in videos he calls` -> `he`).
                if a == end {
                    a -= 1;
                }
                break;
            }
            a -= 1;
            if words::determiner(w) {
                break;
            }
        }
        (a < end).then_some((a, end))
    }

    /// The speaker phrase after token `i` (`said Lim Eul-chul, a professor`, `according to
    /// South Korean lawmakers,`).
    fn np_fwd(&self, i: usize, s1: usize) -> Option<(usize, usize)> {
        let t = &self.toks;
        if t.get(i)
            .is_some_and(|w| w.is_word() && words::np_stop(w.lw()))
        {
            return None; // `adding that inflation …`: a clause, not a speaker
        }
        let mut b = i;
        while b < s1 && t[b].is_word() && b - i < 8 {
            let w = t[b].lw();
            // `people familiar with the matter`: the phrase goes on through `with`.
            if w == "with" && b > i && t[b - 1].lw() == "familiar" {
                b += 1;
                continue;
            }
            if (b > i && (words::np_stop(w) || words::time_word(w)))
                || words::speech_verb(w).is_some_and(|v| !v.noun_like)
            {
                break;
            }
            b += 1;
        }
        // Drop a trailing determiner or time lead.
        while b > i && (words::determiner(t[b - 1].lw()) || words::time_lead(t[b - 1].lw())) {
            b -= 1;
        }
        (b > i).then_some((i, b))
    }

    /// The cues of the sentence with tokens `s0..s1`, resolved in order.
    fn sentence_cues(&mut self, s0: usize, s1: usize, out: &mut Vec<CueRec>) {
        let first = out.len();
        let mut i = s0;
        while i < s1 {
            let tok = self.toks[i];
            if !tok.is_word() || tok.lwn == 0 {
                i += 1;
                continue;
            }
            let w = tok.lw();
            let next_is = |k: usize, word: &str| {
                self.toks
                    .get(i + k)
                    .is_some_and(|t| i + k < s1 && t.is_word() && t.lw() == word)
            };
            let mut rec = None;
            if (w == "according" && next_is(1, "to")) || (w == "as" && next_is(1, "per")) {
                if let Some(np) = self.np_fwd(i + 2, s1) {
                    rec = Some(CueRec {
                        kind: CueKind::According,
                        trigger: i,
                        verb: (tok.s, self.toks[i + 1].e),
                        np: Some(np),
                        reports: true,
                        speaker: None,
                    });
                }
            } else if w == "citing" {
                if let Some(np) = self.np_fwd(i + 1, s1) {
                    rec = Some(CueRec {
                        kind: CueKind::Citing,
                        trigger: i,
                        verb: (tok.s, tok.e),
                        np: Some(np),
                        reports: true,
                        speaker: None,
                    });
                }
            } else if let Some(verb) = words::speech_verb(w).filter(|_| !self.in_mention(tok)) {
                let prev = (i > s0).then(|| self.toks[i - 1]);
                let after = self.toks.get(i + 1).filter(|_| i + 1 < s1);
                // `the reported troop movements`, `so-called`: not a verb here.
                let adjectival = prev.is_some_and(|p| p.is_word() && words::determiner(p.lw()));
                let noun_ok = !verb.noun_like
                    || after.is_none_or(|a| {
                        !a.is_word() || a.cap || a.lw() == "that" || a.lw() == "it"
                    });
                if !adjectival && noun_ok {
                    let participle = w.ends_with("ing");
                    // `issued a statement saying`: the statement's issuer speaks.
                    let after_document =
                        prev.is_some_and(|p| p.is_word() && words::document_noun(p.lw()));
                    let mut np =
                        if participle && (after_document || prev.is_none_or(|p| !p.is_word())) {
                            // `…, saying "…"`, `telling the crowd, "…"`: the participle's subject
                            // is the clause's: the sentence's previous speaker, else its subject
                            // (never the object after it, which is the addressee).
                            None
                        } else if participle {
                            // `Sanders started the debate saying "…"`: a participle's subject
                            // is a name or a pronoun right before it, else the clause's.
                            self.np_back(s0, i).filter(|&(_, b)| {
                                let head = self.toks[b - 1];
                                head.cap || words::pronoun(head.lw()).is_some()
                            })
                        } else {
                            self.np_back(s0, i)
                        };
                    // `"…," said X` / `"…" said X`: the speaker after the verb, only right
                    // after a quote.
                    let after_quote = prev.is_some_and(|p| matches!(p.k, K::Quote(_)))
                        || (i >= s0 + 2
                            && prev.is_some_and(|p| p.k == K::Comma)
                            && matches!(self.toks[i - 2].k, K::Quote(_)));
                    if np.is_none() && !participle && (after_quote || prev.is_none()) {
                        np = self.np_fwd(i + 1, s1);
                    }
                    if np.is_none()
                        && participle
                        && !out[first..].iter().any(|c| c.speaker.is_some())
                    {
                        np = self.sentence_subject(s0, i);
                    }
                    np = np.filter(|&(a, b)| self.speaker_phrase(a, b));
                    rec = Some(CueRec {
                        kind: CueKind::Verb,
                        trigger: i,
                        verb: (tok.s, tok.e),
                        np,
                        reports: verb.reports,
                        speaker: None,
                    });
                }
            }
            if let Some(mut r) = rec {
                // `Jane Smith loves rock and said …`: a coordinated verb shares the sentence's
                // subject.
                if r.np.is_none()
                    && r.kind == CueKind::Verb
                    && i > s0
                    && matches!(self.toks[i - 1].lw(), "and" | "but")
                    && !out[first..].iter().any(|c| c.speaker.is_some())
                {
                    r.np = self.sentence_subject(s0, i);
                }
                r.speaker = match r.np {
                    Some((a, b)) => Some(self.resolve(a, b)),
                    // No subject (`… and called it`): the sentence's previous speaker.
                    None => out[first..].iter().rev().find_map(|c| c.speaker),
                };
                if let (Some(sp), Some(_)) = (r.speaker, r.np) {
                    let class = sp.entity.map(|e| self.class(e));
                    let pos = self.toks[r.trigger].s;
                    // Pronouns look back 3,000 bytes at most: keep the history that short.
                    if self.history.len() >= 64 && self.history[0].0 + 3000 < pos {
                        let keep = self.history.partition_point(|h| h.0 + 3000 < pos);
                        self.history.drain(..keep);
                    }
                    self.history.push((pos, sp, class));
                }
                out.push(r);
            }
            i += 1;
        }
    }

    /// Who speaks in a headline with a quote at token `t`: the words before a colon (`Berg:
    /// …`), else a person or organisation named first (`Mayor Anna Berg Vows …`), else the
    /// capitalised words that open it, up to a speech verb, at most four.
    fn headline_speaker(&self, s0: usize, t: usize) -> Option<(usize, usize)> {
        let toks = &self.toks;
        if let Some(k) = (s0..t).find(|&k| toks[k].k == K::Colon) {
            return self
                .np_words_back(s0, k)
                .filter(|&(a, b)| a == s0 && b - a <= 5 && toks[a].cap);
        }
        let first = toks.get(s0)?;
        if let Some(m) = self.mentions_in(first.s, first.e).first() {
            if matches!(m.3, Class::Person | Class::Org) {
                let b = (s0..t).take_while(|&k| toks[k].e <= m.1).last()? + 1;
                return Some((s0, b));
            }
        }
        let mut b = s0;
        while b < t && b - s0 < 4 && toks[b].is_word() && toks[b].cap {
            if b > s0 && words::speech_verb(toks[b].lw()).is_some() {
                break;
            }
            b += 1;
        }
        (b > s0).then_some((s0, b))
    }

    /// Can tokens `a..b` be a speaker? A speaker is a noun phrase headed by a name, a pronoun
    /// or a noun: never a determiner, preposition, adverb or time phrase alone (`a`, `In`,
    /// `Already`, `recent days`), nor a phrase that opens with a preposition (`in an e-mailed`).
    fn speaker_phrase(&self, a: usize, b: usize) -> bool {
        let t = &self.toks;
        let first = t[a].lw();
        let last = t[b - 1].lw();
        if words::np_stop(first) && !t[a].cap {
            return false;
        }
        if b - a == 1
            && (words::determiner(first)
                || words::np_stop(first)
                || words::introductory(first)
                || words::time_word(first)
                || words::time_lead(first)
                || words::between_subject_and_verb(first))
        {
            return false;
        }
        !(words::time_word(last) || words::time_word(last.strip_suffix('s').unwrap_or(last)))
            || t[a].cap && b - a > 1 && !words::time_lead(first)
    }

    /// The proper-noun phrase that opens a sentence (`Jane Smith`, `The NIS`, `South Korea's
    /// NIS`), up to token `limit`.
    fn sentence_subject(&self, s0: usize, limit: usize) -> Option<(usize, usize)> {
        let t = &self.toks;
        // Past an introductory phrase (`However,`, `Before the convention,`, `Asked on Monday
        // whether …,`): the subject follows its comma.
        let mut s0 = s0;
        for _ in 0..3 {
            if s0 >= limit || !t[s0].is_word() || !words::introductory(t[s0].lw()) {
                break;
            }
            match (s0..limit.min(s0 + 25)).find(|&k| t[k].k == K::Comma) {
                Some(k) => s0 = k + 1,
                None => break,
            }
        }
        let mut b = s0;
        if b < limit && t[b].is_word() && words::determiner(t[b].lw()) {
            b += 1;
        }
        let first_proper = b;
        while b < limit && t[b].is_word() && t[b].cap && b - s0 < 8 {
            b += 1;
        }
        if b == first_proper {
            // A pronoun subject (`He confirmed it and called …`).
            if b == s0 && b < limit && words::pronoun(t[b].lw()).is_some() {
                return Some((b, b + 1));
            }
            // A common noun after a determiner (`The union issued …`), up to its verb.
            if b > s0 {
                while b < limit && b - first_proper < 3 && t[b].is_word() {
                    let w = t[b].lw();
                    if words::np_stop(w) || words::speech_verb(w).is_some() || w.ends_with("ed") {
                        break;
                    }
                    b += 1;
                }
                if b > first_proper && b < limit && t[b].is_word() {
                    return Some((s0, b));
                }
            }
            return None;
        }
        Some((s0, b))
    }

    fn class(&self, e: u32) -> Class {
        class_of(self.gaz.entity(e as usize).kind())
    }

    fn attr(&self, e: u32, key: &str) -> Option<&'a str> {
        let gaz: &'a Gazetteer = self.gaz;
        gaz.entity(e as usize)
            .attributes()
            .get(key)
            .and_then(|v| v.as_str())
    }

    fn country(&self, e: u32) -> Option<String> {
        if let Some(c) = self.attr(e, "country") {
            return Some(c.to_ascii_uppercase());
        }
        let id = self.gaz.entity(e as usize).id();
        id.strip_prefix("iso:").map(str::to_string)
    }

    /// Is the token inside an entity mention (`States` of `the United States`)?
    fn in_mention(&self, tok: Tok) -> bool {
        let k = self.ments.partition_point(|m| m.0 <= tok.s);
        self.ments[k.saturating_sub(4)..k]
            .iter()
            .any(|m| m.0 <= tok.s && tok.e <= m.1 && (m.0, m.1) != (tok.s, tok.e))
    }

    /// Mentions whose start lies in bytes `s..e`.
    fn mentions_in(&self, s: usize, e: usize) -> &[(usize, usize, u32, Class)] {
        let a = self.ments.partition_point(|m| m.0 < s);
        let b = self.ments.partition_point(|m| m.0 < e);
        &self.ments[a..b]
    }

    /// Resolves the speaker phrase of tokens `a..b`.
    fn resolve(&self, a: usize, b: usize) -> Spk {
        let t = &self.toks;
        let mut b = b;
        // `the agency's statement`, `a Reuters report`: the speaker is the rest.
        // (Not when a determiner alone would be left: `the statement said` keeps its words.)
        if b - a >= 2
            && words::document_noun(t[b - 1].lw())
            && !(b - a == 2 && words::determiner(t[a].lw()))
        {
            b -= 1;
        }
        let mut end = t[b - 1].e;
        let last = &self.text[t[b - 1].s..end];
        if let Some(stripped) = last
            .strip_suffix("'s")
            .or_else(|| last.strip_suffix("’s"))
            .filter(|_| b < self.toks.len() && t[b - 1].lw().ends_with("'s"))
        {
            end = t[b - 1].s + stripped.len();
        }
        let span = (t[a].s, end);
        let mut spk = Spk {
            span,
            entity: None,
            antecedent: None,
            plural: false,
        };
        let head = t[b - 1].base();
        if b - a == 1 {
            if let Some(p) = words::pronoun(head) {
                return self.resolve_pronoun(p, spk);
            }
        }
        let ms = self.mentions_in(span.0, span.1);
        // An entity at the head of the phrase.
        if let Some(m) = ms.last().filter(|m| m.1 >= t[b - 1].s && m.1 <= span.1 + 4) {
            spk.entity = Some(m.2);
            return spk;
        }
        // `his office`, `her spokesman`, `their campaign`: speaks for the one the possessive
        // refers to.
        if b - a == 2 {
            let p = match t[a].lw() {
                "his" => Some(Pronoun::Person(words::Gender::Male)),
                "her" => Some(Pronoun::Person(words::Gender::Female)),
                "their" => Some(Pronoun::They),
                _ => None,
            };
            let speaks_for = matches!(
                head,
                "office"
                    | "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
                    | "campaign"
                    | "aides"
                    | "lawyer"
                    | "lawyers"
                    | "attorney"
                    | "attorneys"
                    | "team"
                    | "representative"
            );
            if let (Some(p), true) = (p, speaks_for) {
                let r = self.resolve_pronoun(p, spk);
                return Spk { span, ..r };
            }
        }
        let mods: Vec<String> = t[a..b - 1].iter().map(|x| x.base().to_string()).collect();
        // `the president's office`: the office speaks for the president.
        let mut role = words::role(head, &mods);
        if matches!(
            head,
            "office" | "spokesman" | "spokeswoman" | "spokesperson" | "aides"
        ) && b - a >= 2
            && t[b - 2].lw().ends_with("'s")
        {
            role = words::role(t[b - 2].base(), &[]).or(role);
        }
        match role {
            Some(Role::Group) => {
                spk.plural = true;
                return spk;
            }
            Some(Role::Person(fit)) => {
                if let Some(m) = ms.iter().rev().find(|m| m.3 == Class::Person) {
                    spk.entity = Some(m.2);
                } else if !fit.is_empty() {
                    if let Some(m) = self.recent_person(span.0, fit) {
                        spk.entity = Some(m.2);
                        spk.antecedent = Some((m.0, m.1));
                    }
                }
                return spk;
            }
            Some(Role::Org(fit)) => {
                if let Some(m) = ms.iter().rev().find(|m| m.3 == Class::Org) {
                    spk.entity = Some(m.2);
                    return spk;
                }
                let country = ms
                    .iter()
                    .rev()
                    .find(|m| m.3 == Class::Place)
                    .and_then(|m| self.country(m.2));
                if let Some(m) = self.fitting_org(span, fit, country.as_deref()) {
                    spk.entity = Some(m.2);
                    spk.antecedent = Some((m.0, m.1));
                }
                return spk;
            }
            None => {}
        }
        let pick = ms
            .iter()
            .rev()
            .find(|m| m.3 == Class::Person)
            .or_else(|| ms.iter().rev().find(|m| m.3 == Class::Org));
        if let Some(m) = pick {
            spk.entity = Some(m.2);
        } else if t[b - 1].cap && ms.is_empty() && b - a <= 3 {
            // A speaker named by surname only, before (or without) the full name: resolved when
            // exactly one person in the gazetteer has that surname (`Putin stated`, not `Kim`).
            // Only a title may stand before it (`Senator Ruiz`): another given name (`Jane
            // Ruiz`) is another person.
            let titled_only = t[a..b - 1].iter().all(|w| {
                let lw = w.lw();
                !w.cap
                    || lw.ends_with('.')
                    || words::role(lw, &[]).is_some()
                    || words::gender_cue(lw).is_some()
            });
            let word = &self.text[t[b - 1].s..end];
            if let (true, [one]) = (titled_only, self.gaz.people_with_surname(word)) {
                spk.entity = Some(*one);
            }
        } else if head.ends_with('s') && !t[b - 1].cap && head.len() > 3 {
            spk.plural = true; // `Experts said`
        }
        spk
    }

    fn resolve_pronoun(&self, p: Pronoun, mut spk: Spk) -> Spk {
        let at = spk.span.0;
        let before = &self.ments[..self.ments.partition_point(|m| m.0 < at)];
        match p {
            Pronoun::Person(g) => {
                // The most recent person, passing over those known to be of the other gender.
                let known = before
                    .iter()
                    .rev()
                    .take(LOOKBACK)
                    .find(|m| m.3 == Class::Person && self.gender_of(m).is_none_or(|x| x == g));
                if let Some(m) = known {
                    spk.entity = Some(m.2);
                    spk.antecedent = Some((m.0, m.1));
                }
                // A person the gazetteer does not know who spoke more recently (`Anna Berg, the
                // mayor, said … She added`): the pronoun points to their name.
                let unknown = self.history.iter().rev().find(|h| {
                    h.0 < at
                        && at - h.0 < 3000
                        && h.1.entity.is_none()
                        && h.1.antecedent.is_none()
                        && !h.1.plural
                        && looks_like_name(&self.text[h.1.span.0..h.1.span.1])
                });
                if let Some(h) = unknown.filter(|h| known.is_none_or(|m| h.1.span.0 > m.1)) {
                    spk.entity = None;
                    spk.antecedent = Some(h.1.span);
                }
            }
            Pronoun::It => {
                // The last organisation that spoke, else the last place that spoke, else the
                // last organisation named.
                let spoke = |class: Class| {
                    self.history
                        .iter()
                        .rev()
                        .find(|h| h.0 < at && at - h.0 < 3000 && !h.1.plural && h.2 == Some(class))
                };
                if let Some(h) = spoke(Class::Org).or_else(|| spoke(Class::Place)) {
                    spk.entity = h.1.entity;
                    spk.antecedent = Some(h.1.span);
                } else if let Some(m) = before
                    .iter()
                    .rev()
                    .take(LOOKBACK)
                    .find(|m| m.3 == Class::Org)
                {
                    spk.entity = Some(m.2);
                    spk.antecedent = Some((m.0, m.1));
                }
            }
            Pronoun::They => {
                // The last group that spoke, else the last organisation that spoke.
                spk.plural = true;
                let recent = |h: &&(usize, Spk, Option<Class>)| h.0 < at && at - h.0 < 3000;
                let spoke = self
                    .history
                    .iter()
                    .rev()
                    .filter(recent)
                    .find(|h| h.1.plural)
                    .or_else(|| {
                        self.history
                            .iter()
                            .rev()
                            .filter(recent)
                            .find(|h| h.2 == Some(Class::Org))
                    });
                if let Some(h) = spoke {
                    spk.entity = h.1.entity;
                    spk.antecedent = Some(h.1.span);
                }
            }
        }
        spk
    }

    /// The gender of a person mention: the gazetteer's `gender` attribute, else a word right
    /// before the mention (`Mr.`, `Ms.`, `spokeswoman`), else unknown.
    fn gender_of(&self, m: &(usize, usize, u32, Class)) -> Option<Gender> {
        if let Some(g) = self.attr(m.2, "gender").and_then(words::gender_attr) {
            return Some(g);
        }
        let mut ts = m.0.saturating_sub(24);
        while !self.text.is_char_boundary(ts) {
            ts += 1;
        }
        let before = self.text[ts..m.0].trim_end();
        let word = before
            .rsplit(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\''))
            .next()?;
        words::gender_cue(&word.to_lowercase())
    }

    /// The most recent person before `at` whose role attribute or title in the text fits.
    fn recent_person(&self, at: usize, fit: &[&str]) -> Option<(usize, usize, u32, Class)> {
        let before = &self.ments[..self.ments.partition_point(|m| m.0 < at)];
        before.iter().rev().take(LOOKBACK).copied().find(|m| {
            if m.3 != Class::Person {
                return false;
            }
            let role = self.attr(m.2, "role").unwrap_or("").to_lowercase();
            let mut ts = m.0.saturating_sub(48);
            while !self.text.is_char_boundary(ts) {
                ts += 1;
            }
            let title = self.text[ts..m.0].to_lowercase();
            fit.iter().any(|f| role.contains(f) || title.contains(f))
        })
    }

    /// The most recent organisation before `span` whose type or name fits (and in `country`
    /// when given), else the first one within a few sentences after it.
    fn fitting_org(
        &self,
        span: (usize, usize),
        fit: &[&str],
        country: Option<&str>,
    ) -> Option<(usize, usize, u32, Class)> {
        let fits = |m: &(usize, usize, u32, Class)| {
            if m.3 != Class::Org {
                return false;
            }
            if let (Some(c), Some(mc)) = (country, self.country(m.2)) {
                if c != mc {
                    return false;
                }
            }
            let ty = self.attr(m.2, "type").unwrap_or("").to_lowercase();
            let name = self.gaz.entity(m.2 as usize).name().to_lowercase();
            fit.iter().any(|f| ty.contains(f) || name.contains(f))
        };
        let split = self.ments.partition_point(|m| m.0 < span.0);
        if let Some(m) = self.ments[..split]
            .iter()
            .rev()
            .take(LOOKBACK)
            .find(|m| fits(m))
        {
            return Some(*m);
        }
        self.ments[split..]
            .iter()
            .take_while(|m| m.0 < span.1 + 600)
            .find(|m| m.0 >= span.1 && fits(m))
            .copied()
    }

    /// Attributes the quote at token `t` of the current sentence, given the sentence's cues.
    fn attribute(
        &self,
        t: usize,
        q: &RawQuote,
        scues: &[CueRec],
        para_of: &dyn Fn(usize) -> usize,
        last_quote: &mut Option<(usize, Option<Spk>)>,
    ) -> Attributed {
        let (s0, s1) = (0, self.toks.len());
        let (cs, ce) = q.span();
        let content = &self.text[cs..ce];
        let toks = &self.toks;
        // Right after the quote (a comma may stand between).
        let mut u = t + 1;
        if u < s1 && toks[u].k == K::Comma {
            u += 1;
        }
        let mut att = Attributed {
            speaker: None,
            verb: None,
            cue: Cue::Unattributed,
            partial: false,
            keep: true,
        };
        // A quote that ends its own sentence (`"… regime." He added, "…"`) leaves a cue that
        // introduces the next quote to that quote.
        let ends_sentence = content.ends_with(['.', '!', '?']);
        let introduces_next = |c: &CueRec| {
            (c.trigger + 1..(c.trigger + 4).min(s1)).any(|k| matches!(toks[k].k, K::Quote(_)))
        };
        let after = scues.iter().find(|c| {
            (c.trigger == u || c.np.is_some_and(|np| np.0 == u && c.trigger > t))
                && !(ends_sentence && introduces_next(c))
        });
        if u < s1 && toks[u].k == K::Dash && u + 1 < s1 && toks[u + 1].cap {
            if let Some((a, b)) = self.np_fwd(u + 1, s1) {
                att.speaker = Some(self.resolve(a, b));
                att.cue = Cue::Dash;
            }
        } else if let Some(c) = after {
            att.speaker = c.speaker;
            att.verb = Some(c.verb);
            att.cue = Cue::After;
        }
        if att.cue == Cue::Unattributed && t > s0 && toks[t - 1].k == K::Colon {
            if let Some(c) = scues.iter().find(|c| c.trigger + 2 == t) {
                att.speaker = c.speaker;
                att.verb = Some(c.verb);
                att.cue = Cue::Before;
            } else if let Some((a, b)) = self.np_words_back(s0, t - 1) {
                if b - a <= 6 && (toks[a].cap || words::pronoun(toks[a].lw()).is_some()) {
                    att.speaker = Some(self.resolve(a, b));
                    att.cue = Cue::Colon;
                }
            }
            // `Sanders delivered a snappy retort: "…"`: the sentence's subject introduces it
            // (when no speech verb in the sentence does).
            if att.cue == Cue::Unattributed && !scues.iter().any(|c| c.trigger < t) {
                if let Some((a, b)) = self.sentence_subject(s0, t - 1) {
                    if b - a <= 6 && (toks[a].cap || words::pronoun(toks[a].lw()).is_some()) {
                        att.speaker = Some(self.resolve(a, b));
                        att.cue = Cue::Colon;
                    }
                }
            }
        }
        let mut before_trigger = None;
        if att.cue == Cue::Unattributed {
            if let Some(c) = scues
                .iter()
                .rev()
                .find(|c| c.trigger < t && c.kind == CueKind::Verb)
            {
                att.speaker = c.speaker;
                att.verb = Some(c.verb);
                att.cue = Cue::Before;
                before_trigger = Some(c.trigger);
            } else if let Some(c) = scues.iter().rev().find(|c| c.trigger < t) {
                att.speaker = c.speaker;
                att.verb = Some(c.verb);
                att.cue = Cue::Before;
            } else if let Some(c) = scues.iter().find(|c| c.trigger > t) {
                att.speaker = c.speaker;
                att.verb = Some(c.verb);
                att.cue = Cue::Sentence;
            }
        }
        // Full or partial: a full quote stands where a sentence could start, and ends its
        // clause.
        let starts_upper = content.chars().next().is_some_and(|c| !c.is_lowercase());
        let standalone_before = t == s0
            || toks[t - 1].k == K::Colon
            || toks[t - 1].k == K::Break
            || (toks[t - 1].k == K::Comma
                && (scues
                    .iter()
                    .any(|c| c.trigger + 2 == t || c.np.is_some_and(|np| np.1 + 1 == t))
                    || (t >= 2 && matches!(toks[t - 2].k, K::Quote(_)))))
            || (starts_upper && scues.iter().any(|c| c.trigger + 1 == t));
        let standalone_after = !q.closed
            || content.ends_with(['.', ',', '!', '?', '…', ';', ':', '—', '-'])
            || toks
                .get(t + 1)
                .is_none_or(|n| !n.is_word() || n.cap || t + 1 >= s1)
            || att.cue == Cue::After;
        att.partial = !(standalone_before && standalone_after);
        let p = para_of(q.outer.0);
        // A quote with no cue in its sentence continues the previous quote's speaker when it
        // opens the next paragraph (`"…" ¶ "…"`), or opens a sentence of the same paragraph
        // (`"We are ready," said Berg. "The roads open Monday."`).
        if att.cue == Cue::Unattributed {
            if let Some((lp, sp)) = *last_quote {
                let next_para = q.opens_paragraph && (lp + 1 == p || lp == p);
                let same_para = lp == p && t == s0;
                if next_para || same_para {
                    att.speaker = sp;
                    att.cue = Cue::Continued;
                }
            }
        }
        if att.cue == Cue::Unattributed
            && self
                .headline
                .is_some_and(|(a, b)| a <= q.outer.0 && q.outer.1 <= b)
        {
            if let Some((a, b)) = self.headline_speaker(s0, t) {
                att.speaker = Some(self.resolve(a, b));
                att.cue = Cue::Headline;
            }
        }
        // A word quoted as a word (`the word "resilience"`, `terms like "surge"`) is
        // mentioned, not said.
        let names_a_word = |k: usize| {
            toks[k].is_word()
                && matches!(
                    toks[k].lw(),
                    "word"
                        | "words"
                        | "term"
                        | "terms"
                        | "phrase"
                        | "phrases"
                        | "slogan"
                        | "slogans"
                        | "hashtag"
                        | "motto"
                        | "expression"
                        | "nickname"
                        | "label"
                        | "buzzword"
                        | "so-called"
                )
        };
        let mentioned = t > s0
            && (names_a_word(t - 1)
                || (t >= s0 + 2
                    && matches!(toks[t - 1].lw(), "like" | "as" | "of")
                    && names_a_word(t - 2)));
        // (Only short ones, away from a speech verb: `he used the term "pivot"` quotes the
        // word as his, and annotated news counts it as his quote.)
        let near_cue = before_trigger.is_some_and(|b| b + 6 >= t)
            || matches!(att.cue, Cue::After | Cue::Colon | Cue::Dash | Cue::Headline);
        if mentioned && !near_cue && content.split_whitespace().count() <= 3 {
            att.keep = false;
        }
        // A subheading in single marks: a short quote that is a whole paragraph of its own.
        let single = matches!(
            self.text[q.outer.0..].chars().next(),
            Some('\'' | '‘' | '‚')
        );
        if single
            && q.opens_paragraph
            && self
                .headline
                .is_none_or(|(a, b)| !(a <= q.outer.0 && q.outer.1 <= b))
            && toks.get(t + 1).is_none_or(|n| n.k == K::Break)
            && content.split_whitespace().count() <= 8
            && att.cue != Cue::After
        {
            att.keep = false;
        }
        // Titles, names and scare quotes are not quotes.
        let attached = matches!(
            att.cue,
            Cue::After | Cue::Dash | Cue::Colon | Cue::Continued | Cue::Headline
        ) || before_trigger.is_some_and(|b| b + 4 >= t);
        if title_like(content) && !attached {
            att.keep = false;
        }
        if att.cue == Cue::Unattributed {
            let sentence_like = content.ends_with(['.', '!', '?', '…', ','])
                || !q.closed
                || content.split_whitespace().count() >= 6;
            if att.partial || !sentence_like {
                att.keep = false;
            }
        }
        if att.keep {
            *last_quote = Some((para_of(q.outer.1.saturating_sub(1)), att.speaker));
        }
        att
    }
}

// ---------------------------------------------------------------------------------------------
// Quotes

/// Does a speaker's text look like a person's name (two to four capitalised words, or a
/// title and a name: `Anna Berg`, `Mr. Berg`)?
fn looks_like_name(s: &str) -> bool {
    let ws: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&ws.len())
        && ws.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).any(char::is_lowercase)
        })
        && words::pronoun(&ws[0].to_lowercase()).is_none()
}

/// Does the quote's content look like a title or a name (`Meet the Press`, `Shorty`)?
fn title_like(content: &str) -> bool {
    let ws: Vec<&str> = content.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 6 {
        return false;
    }
    if content.ends_with(['.', ',', '!', '?', '…', ':', ';']) {
        return false;
    }
    ws[0].chars().next().is_some_and(char::is_uppercase)
        && ws.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(
                    *w,
                    "of" | "the"
                        | "and"
                        | "a"
                        | "an"
                        | "in"
                        | "on"
                        | "for"
                        | "to"
                        | "at"
                        | "by"
                        | "with"
                        | "or"
                )
        })
}

/// A quote's attribution, in bytes.
struct Attributed {
    speaker: Option<Spk>,
    verb: Option<(usize, usize)>,
    cue: Cue,
    partial: bool,
    keep: bool,
}

/// Finds quotes, their speakers and the sources of `numbers` (byte spans) in `text`.
///
/// `mentions` are the document's entity mentions from `gazetteer`.
pub fn analyse(
    text: &str,
    mentions: &[Mention],
    gazetteer: &Gazetteer,
    numbers: &[(usize, usize)],
) -> (Vec<Quote>, Vec<Option<Box<Source>>>) {
    let paras = marks::paragraphs(text);
    let raw = marks::find(text, &paras);
    let mut ments: Vec<(usize, usize, u32, Class)> = mentions
        .iter()
        .map(|m| {
            (
                m.span.byte_start,
                m.span.byte_end,
                m.entity,
                class_of(gazetteer.entity(m.entity as usize).kind()),
            )
        })
        .collect();
    ments.sort_unstable_by_key(|m| (m.0, m.1));
    let mut cx = Ctx {
        text,
        toks: Vec::new(),
        gaz: gazetteer,
        ments,
        history: Vec::new(),
        headline: paras.first().copied().filter(|&(a, b)| {
            paras.len() > 1 && b - a <= 200 && text[a..b].split_whitespace().count() <= 30
        }),
    };
    let mut sentences = Sentences {
        tz: Tokenizer {
            text,
            quotes: &raw,
            qi: 0,
            i: 0,
        },
        buf: Default::default(),
    };
    let para_of = |pos: usize| paras.partition_point(|p| p.0 <= pos).saturating_sub(1);

    let conv = CharMap::new(text);
    let sp = |(a, b): (usize, usize)| OrigSpan {
        char_start: conv.get(a),
        char_end: conv.get(b),
        byte_start: a,
        byte_end: b,
    };
    let speaker = |s: &Spk| Speaker {
        span: sp(s.span),
        entity: s.entity,
        antecedent: s.antecedent.map(sp),
    };
    let mut quotes_b: Vec<(usize, Attributed)> = Vec::new();
    let mut sources: Vec<Option<Box<Source>>> = Vec::with_capacity(numbers.len());
    let mut next_number = 0;
    let mut last_quote: Option<(usize, Option<Spk>)> = None; // (last paragraph, speaker)
    let mut cues: Vec<CueRec> = Vec::new();
    let mut sent = std::mem::take(&mut cx.toks);
    while sentences.next_into(&mut sent) {
        cx.toks = std::mem::take(&mut sent);
        cues.clear();
        let s1 = cx.toks.len();
        cx.sentence_cues(0, s1, &mut cues);
        let first_quote = quotes_b.len();
        for t in 0..s1 {
            let K::Quote(qi) = cx.toks[t].k else {
                continue;
            };
            let qi = qi as usize;
            let att = cx.attribute(t, &raw[qi], &cues, &para_of, &mut last_quote);
            if att.keep {
                quotes_b.push((qi, att));
            }
        }
        // Sources of the numbers in this sentence.
        let end = cx.toks.last().map_or(0, |t| t.e);
        while next_number < numbers.len() && numbers[next_number].0 < end {
            let ns = numbers[next_number].0;
            let inq = quotes_b[first_quote..]
                .iter()
                .enumerate()
                .find(|(_, (qi, _))| {
                    let (a, b) = raw[*qi].span();
                    a <= ns && ns < b
                });
            let src = if let Some((k, (_, att))) = inq {
                att.speaker.map(|s| (s, att.verb, Some(first_quote + k)))
            } else {
                let pick = cues
                    .iter()
                    .find(|c| c.kind == CueKind::Citing)
                    .or_else(|| cues.iter().find(|c| c.kind == CueKind::According))
                    .or_else(|| cues.iter().find(|c| c.reports && c.speaker.is_some()));
                pick.and_then(|c| c.speaker.map(|sp| (sp, Some(c.verb), None)))
            };
            sources.push(src.map(|(s, v, q)| {
                Box::new(Source {
                    speaker: speaker(&s),
                    verb: v.map(sp),
                    quote: q,
                })
            }));
            next_number += 1;
        }
        sent = std::mem::take(&mut cx.toks);
    }

    sources.resize(numbers.len(), None);
    let quotes: Vec<Quote> = quotes_b
        .iter()
        .map(|(qi, att)| {
            let q = &raw[*qi];
            Quote {
                span: sp(q.span()),
                paragraphs: q.parts.iter().map(|&p| sp(p)).collect(),
                speaker: att.speaker.as_ref().map(speaker),
                verb: att.verb.map(sp),
                partial: att.partial,
                closed: q.closed,
                cue: att.cue,
            }
        })
        .collect();
    (quotes, sources)
}

/// Byte offsets to character offsets: a character count every 256 bytes, then a short count.
struct CharMap<'t> {
    text: &'t str,
    /// Characters before byte `256 * k`.
    marks: Vec<usize>,
}

const CHAR_STEP: usize = 256;

impl<'t> CharMap<'t> {
    fn new(text: &'t str) -> CharMap<'t> {
        if text.is_ascii() {
            return CharMap {
                text,
                marks: Vec::new(),
            };
        }
        let b = text.as_bytes();
        let mut marks = Vec::with_capacity(b.len() / CHAR_STEP + 1);
        let mut count = 0;
        for chunk in b.chunks(CHAR_STEP) {
            marks.push(count);
            // Characters start at every byte that is not a continuation byte.
            count += chunk.iter().filter(|&&x| (x as i8) >= -0x40).count();
        }
        marks.push(count);
        CharMap { text, marks }
    }

    fn get(&self, b: usize) -> usize {
        if self.marks.is_empty() {
            return b;
        }
        let k = b / CHAR_STEP;
        let base = k * CHAR_STEP;
        self.marks[k]
            + self.text.as_bytes()[base..b]
                .iter()
                .filter(|&&x| (x as i8) >= -0x40)
                .count()
    }
}
