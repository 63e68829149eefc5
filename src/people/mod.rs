//! People the gazetteer does not know. Most people in the news are in no gazetteer; this layer
//! finds their names in a document from evidence written around them, gives each a
//! document-local entity, links their later surname mentions, and lets a person's name beat a
//! place or organisation found inside it (`Chad Smith` is not Chad, `Michael Moreton` not the
//! town of Moreton).
//!
//! Evidence for a run of capitalised words (`Rick Bownds`, `Leslie E. Botnick`, `Jordan De
//! Goey`): a title right before it (`Capt.`, `Prime Minister`, `Mr.`), a first word that is a
//! given name (the word list in `given_names.txt`; a name that is also a common word, `Mark`,
//! not at a sentence start), a speech verb next to it (`X said`, `said X`), or an apposition
//! after it (`X, 53,`, `X, a professor`). A run with a word that names a place, an organisation
//! or an event (`University`, `Police`, `Lake`, `Times`) is not a person; neither is a run that
//! one gazetteer mention covers whole (`Sierra Leone`), nor one a known person's mention
//! overlaps.
//!
//! Layer: above the gazetteer (it reads its mentions and entity kinds), below quotes and the
//! pipeline.

mod orgs;
mod words;

use std::collections::HashMap;
use std::sync::Arc;

use crate::gazetteer::{Form, Gazetteer, LocalEntity, Mention};
use crate::text::normalize::{normalize_str, OrigSpan};
use crate::text::swar::skip_ascii_word;
use crate::text::{CharMap, NormOptions};

/// One word of the text, as the finder sees it.
#[derive(Debug)]
struct Word {
    start: usize,
    end: usize,
    /// The word folded (lower case, no diacritics, no dot) is `arena[fold_at..fold_at + fold_len]`.
    fold_at: u32,
    fold_len: u32,
    /// First letter upper case.
    cap: bool,
    /// Every letter upper case and more than one letter (`NATO`, `MORE`).
    all_caps: bool,
    /// One capital letter and a dot (`E.`).
    initial: bool,
    /// Two capitals before a capitalised word (`JK` in `JK Rowling`).
    initials: bool,
    /// Written at a sentence start (after `.`, `!`, `?`, a colon, an opening quote, or first).
    sentence_start: bool,
}

const FOLD: NormOptions = NormOptions {
    fold_case: true,
    strip_diacritics: true,
};

fn fold(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        normalize_str(s, FOLD)
    }
}

/// The document-local id of a name folded to `key`: `local:` and its letters and digits, other
/// characters as `-` (`local:rick-bownds`, `local:saks-inc`).
fn local_id(key: &str) -> String {
    let slug: String = key
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    format!("local:{}", slug.trim_matches('-'))
}

/// The words of `text` the finder looks at, and the arena of their folded forms (one string for
/// all, made once: each word is looked up several times).
fn words(text: &str) -> (Vec<Word>, String) {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut arena = String::new();
    let n = b.len();
    // The last non-space character before the word, `None` when it is a word (the text's
    // start counts as a sentence end).
    let mut last_sep: Option<char> = Some('.');
    // The character at byte `k` and its length (ASCII without decoding).
    let char_at = |k: usize| -> (char, usize) {
        if b[k] < 0x80 {
            (b[k] as char, 1)
        } else {
            let c = text[k..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        }
    };
    let mut i = 0;
    while i < n {
        let (c, clen) = char_at(i);
        if !c.is_alphabetic() {
            if c == '\n' {
                last_sep = Some('.');
            } else if !c.is_whitespace() {
                last_sep = Some(c);
            }
            i += clen;
            continue;
        }
        let start = i;
        let mut end = i + clen;
        if c.is_ascii_lowercase() {
            // Most words: lower-case ASCII, skipped eight bytes at a time as far as they are
            // ASCII letters and digits; the loop below takes over where they may go on.
            end = skip_ascii_word(b, end);
        }
        while end < n {
            let (d, dlen) = char_at(end);
            if d.is_alphanumeric() {
                end += dlen;
            } else if matches!(d, '\'' | '’' | '-')
                && end + dlen < n
                && char_at(end + dlen).0.is_alphabetic()
            {
                // Inside a word only when a letter follows (`O'Dell`, `Jean-Pierre`).
                end += dlen;
            } else {
                break;
            }
        }
        i = end;
        let mut w_end = end;
        // A possessive is not part of the name (`Rachel's`).
        for suffix in ["'s", "’s"] {
            if text[start..w_end].ends_with(suffix) && w_end - start > suffix.len() {
                w_end -= suffix.len();
            }
        }
        let raw = &text[start..w_end];
        // An Arabic article before a capitalised name is part of it (`al-Maliki`, `el-Sissi`).
        let cap = c.is_uppercase() || arabic_article(raw);
        // Only the words the finder looks at are kept (names, particles, speech verbs): the
        // others never join a name, and a huge text must not hold an entry per word. Most
        // words are lower case and leave here.
        if !cap && !(raw.len() <= 9 && (words::is_particle(raw) || words::is_speech_verb(raw))) {
            last_sep = None;
            continue;
        }
        let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
        // Two capitals before a capitalised word are initials (`JK Rowling`), not an acronym,
        // unless they are a common code (`US`, `TV`, `PM`).
        let initials = letters == 2
            && raw.bytes().all(|b| b.is_ascii_uppercase())
            && !two_letter_code(raw)
            && text[w_end..]
                .strip_prefix(' ')
                .and_then(|r| {
                    let mut c = r.chars();
                    Some((c.next()?, c.next()?))
                })
                .is_some_and(|(a, b)| a.is_uppercase() && b.is_lowercase());
        let all_caps = letters > 1 && !initials && raw.chars().all(|c| !c.is_lowercase());
        let initial = letters == 1 && cap && b.get(end) == Some(&b'.');
        let sentence_start = match last_sep {
            None => false,
            Some(p) => matches!(p, '.' | '!' | '?' | ':' | '"' | '“' | '‘' | '(' | '—'),
        };
        let fold_at = arena.len();
        if raw.is_ascii() {
            arena.extend(raw.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            arena.push_str(&fold(raw));
        }
        out.push(Word {
            start,
            end: if initial { end + 1 } else { w_end },
            fold_at: fold_at as u32,
            fold_len: (arena.len() - fold_at) as u32,
            cap,
            all_caps,
            initial,
            initials,
            sentence_start,
        });
        last_sep = None;
        if initial {
            i += 1; // the dot
        }
    }
    (out, arena)
}

/// Is the demonym mention `m` a given name (`Finn`, `Dane`, `Scot`) written without an
/// article, determiner or number before it, as a name is? A demonym shaped like an adjective
/// (`German`, `Italian`, `Chinese`, `Polish`) before a lower-case word is the adjective
/// (`the meaning of German words`), unless that word is a speech verb (`German said`).
fn given_name_not_demonym(text: &str, m: &Mention) -> bool {
    let w = &text[m.span.byte_start..m.span.byte_end];
    let folded = fold(w);
    if words::given_name(&folded) != Some(false) {
        return false;
    }
    let adjective_shaped = ["an", "ese", "ish"].iter().any(|s| folded.ends_with(s));
    if adjective_shaped {
        let next = text[m.span.byte_end..]
            .strip_prefix(' ')
            .map(|r| r.split(|c: char| !c.is_alphanumeric()).next().unwrap_or(""))
            .unwrap_or("");
        if next.starts_with(|c: char| c.is_lowercase()) && !words::is_speech_verb(next) {
            return false;
        }
    }
    let before = text[..m.span.byte_start].trim_end();
    let prev = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    // `a Finn`, `their Dane`, `one Scot`, `a fellow Swede`, `two Finns`.
    let determiner = crate::text::is_determiner(&prev)
        || matches!(
            prev.as_str(),
            "one"
                | "another"
                | "every"
                | "each"
                | "any"
                | "no"
                | "fellow"
                | "young"
                | "old"
                | "first"
                | "lone"
                | "proud"
                | "true"
        )
        || prev.bytes().all(|b| b.is_ascii_digit()) && !prev.is_empty();
    !determiner
}

/// Two-letter codes written before names that are not initials (`US President`, `TV host`).
fn two_letter_code(w: &str) -> bool {
    matches!(
        w,
        "US" | "UK"
            | "EU"
            | "UN"
            | "TV"
            | "PM"
            | "MP"
            | "DJ"
            | "MC"
            | "VP"
            | "GP"
            | "PR"
            | "HR"
            | "IT"
            | "OK"
            | "ID"
            | "AI"
            | "AP"
            | "FC"
            | "NY"
            | "LA"
            | "DC"
            | "SA"
            | "NZ"
            | "GM"
            | "BA"
            | "MA"
            | "RN"
            | "MD"
            | "QC"
            | "KC"
            | "CEO"
    )
}

/// Is byte `at` of `text` on a line written in title case (a headline: `Ukraine Says Russia to
/// Deploy North Korean Troops`), judged by the words within 120 bytes of it on its line? Most
/// words of four letters or more capitalised.
fn title_case_line(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    let mut lo = at.saturating_sub(120);
    let mut hi = (at + 120).min(b.len());
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let before = text[lo..at].rfind('\n').map_or(lo, |k| lo + k + 1);
    let after = text[at..hi].find('\n').map_or(hi, |k| at + k);
    let (mut long, mut capitalised) = (0, 0);
    for w in text[before..after].split(|c: char| !c.is_alphanumeric()) {
        if w.chars().count() >= 4 {
            long += 1;
            capitalised += usize::from(w.chars().next().is_some_and(char::is_uppercase));
        }
    }
    long >= 3 && capitalised * 10 >= long * 6
}

/// Does `w` start with an Arabic article and a hyphen before a capital (`al-Maliki`,
/// `el-Sissi`, `ash-Shara`)?
fn arabic_article(w: &str) -> bool {
    [
        "al-", "el-", "ad-", "ash-", "as-", "at-", "az-", "an-", "ar-",
    ]
    .iter()
    .any(|a| {
        w.strip_prefix(a)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase)
    })
}

impl Word {
    /// The word in lower case without diacritics, from the arena `words` made.
    fn folded<'t>(&self, arena: &'t str) -> &'t str {
        let at = self.fold_at as usize;
        &arena[at..at + self.fold_len as usize]
    }
}

/// Are words `a` and `b` (b right after a) written next to each other in a name: one space, or
/// a dot and a space after an abbreviated title (`Capt. Rick`).
fn adjacent(text: &str, arena: &str, a: &Word, b: &Word) -> bool {
    let gap = &text[a.end..b.start];
    gap == " " || (gap == ". " && words::is_title(a.folded(arena)))
}

/// The mentions (in text order) that overlap bytes `s..e`: found by binary search, so that a
/// huge document stays linear. A mention may reach over `s` from a few places back (overlapping
/// matches), so the search steps back over up to 16 that start before `s`.
fn overlapping(mentions: &[Mention], s: usize, e: usize) -> impl Iterator<Item = &Mention> {
    let k = mentions.partition_point(|m| m.span.byte_start < s);
    mentions[k.saturating_sub(16)..]
        .iter()
        .take_while(move |m| m.span.byte_start < e)
        .filter(move |m| s < m.span.byte_end)
}

/// The finder's state for one document.
struct Finder<'a> {
    text: &'a str,
    gaz: &'a Gazetteer,
    words: Vec<Word>,
    /// The folded forms of `words`.
    arena: String,
    /// Folded full name -> the document's person of that name.
    by_name: HashMap<String, Arc<LocalEntity>>,
    /// Folded surname -> the people of this document who have it.
    by_surname: HashMap<String, Vec<Arc<LocalEntity>>>,
    /// Folded given name -> the people of this document who have it (names of two or more
    /// words whose first word is a given name that is not also a common word).
    by_given: HashMap<String, Vec<Arc<LocalEntity>>>,
    found: Vec<(usize, usize, Arc<LocalEntity>, Form)>,
    /// The names of organisations, places and events found first (`orgs`), in text order:
    /// no person's name is inside one.
    names: Vec<orgs::Found>,
}

impl<'a> Finder<'a> {
    fn person(&mut self, ws: &[usize]) -> Arc<LocalEntity> {
        let name: Vec<&str> = ws
            .iter()
            .map(|&k| &self.text[self.words[k].start..self.words[k].end])
            .collect();
        let name = name.join(" ");
        let key = fold(&name);
        if let Some(p) = self.by_name.get(&key) {
            return p.clone();
        }
        let surname = self.words[*ws.last().unwrap_or(&0)]
            .folded(&self.arena)
            .to_string();
        let gender = self.gender(ws);
        let p = Arc::new(LocalEntity {
            id: local_id(&key),
            name,
            kind: "person",
            gender,
        });
        self.by_name.insert(key, p.clone());
        // A rank is no surname: after `Kate Duchess`, `the Duchess` is not her by name.
        if !words::is_rank(&surname) {
            self.by_surname.entry(surname).or_default().push(p.clone());
        }
        if ws.len() >= 2 {
            let given = self.words[ws[0]].folded(&self.arena);
            if words::given_name(given) == Some(false) {
                let v = self.by_given.entry(given.to_string()).or_default();
                if !v.iter().any(|q| Arc::ptr_eq(q, &p)) {
                    v.push(p.clone());
                }
            }
        }
        p
    }

    /// The gender of the person named by words `ws`: a title right before the name (`Mrs.
    /// Quist`), else the given name when it is clearly a man's or a woman's (`Talia`).
    fn gender(&self, ws: &[usize]) -> Option<&'static str> {
        let first = ws[0];
        let before = &self.text[..self.words[first].start];
        let title = before
            .trim_end()
            .strip_suffix('.')
            .unwrap_or(before.trim_end())
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if let Some(g) = words::title_gender(&title.to_ascii_lowercase()) {
            return Some(g);
        }
        let given = self.words[first].folded(&self.arena);
        (ws.len() >= 2 || self.words[first].initial)
            .then(|| words::given_name_gender(given))
            .flatten()
    }

    /// Do bytes `s..e` overlap the name of an organisation, place or event found first?
    fn in_a_name(&self, s: usize, e: usize) -> bool {
        let k = self.names.partition_point(|x| x.end <= s);
        self.names.get(k).is_some_and(|x| x.start < e)
    }

    /// Does a capitalised word inside a sentence, no title and no mention of its own, stand
    /// right before byte `s` (`Nail` before `Polish`)?
    fn name_word_before(&self, s: usize, mentions: &[Mention]) -> bool {
        let k = self.words.partition_point(|w| w.end <= s);
        let Some(w) = k.checked_sub(1).map(|k| &self.words[k]) else {
            return false;
        };
        let b = self.text.as_bytes();
        &self.text[w.end..s] == " "
            && w.cap
            && !w.all_caps
            && !w.sentence_start
            && w.end - w.start >= 2
            && (w.start == 0 || !b[w.start - 1].is_ascii_alphanumeric())
            && !words::is_title_part(w.folded(&self.arena))
            && overlapping(mentions, w.start, w.end).next().is_none()
            && !title_case_line(self.text, s)
    }

    /// Is word `k` a capitalised word standing alone (no name word right before or after it):
    /// `Rachel said`, not `Rachel Jones` or `Lake Rachel`?
    fn stands_alone(&self, k: usize) -> bool {
        let name_word = |j: usize| self.words[j].cap || self.words[j].initial;
        // A sentence's first word is capitalised anyway (`Later Rachel laughed`).
        let before = k > 0
            && adjacent(self.text, &self.arena, &self.words[k - 1], &self.words[k])
            && name_word(k - 1)
            && !self.words[k - 1].sentence_start;
        let after = k + 1 < self.words.len()
            && adjacent(self.text, &self.arena, &self.words[k], &self.words[k + 1])
            && name_word(k + 1);
        !before && !after
    }

    /// The evidence that the name words `p` (word indices) are a person's; `mentions` are the
    /// gazetteer's.
    fn evidence(&self, p: &[usize], titled: bool, mentions: &[Mention]) -> bool {
        let first = &self.words[p[0]];
        if titled {
            return true;
        }
        if p.len() < 2 {
            return false;
        }
        if first.initial || first.initials {
            return true; // `J. Quist`, `JK Quist`
        }
        if let Some(common) = words::given_name(first.folded(&self.arena)) {
            // A given name that is also a common word (`Will`, `Chad`) at a sentence start
            // needs a second word the gazetteer does not know (`Will Congress act?`).
            let second = &self.words[p[1]];
            let known_next = overlapping(mentions, second.start, second.end)
                .any(|m| m.span.byte_start == second.start);
            if !common || !first.sentence_start || !known_next {
                return true;
            }
        }
        let last = &self.words[*p.last().unwrap_or(&0)];
        let next = self.words.get(p.last().unwrap_or(&0) + 1);
        if let Some(n) = next {
            if self.text[last.end..n.start].trim().is_empty()
                && words::is_speech_verb(n.folded(&self.arena))
            {
                return true;
            }
        }
        if p[0] > 0 {
            let prev = &self.words[p[0] - 1];
            if matches!(prev.folded(&self.arena), "said" | "says")
                && self.text[prev.end..first.start].trim().is_empty()
            {
                return true;
            }
        }
        let after = &self.text[last.end..];
        if let Some(rest) = after.strip_prefix(", ") {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if (1..=3).contains(&digits) && rest[digits..].starts_with(',') {
                return true; // `X, 53,`
            }
            if rest.starts_with("a ") || rest.starts_with("an ") || rest.starts_with("who ") {
                return true;
            }
        }
        false
    }

    /// Is `m` a person's surname alone as the last of the name words `p`, whose first word is
    /// a given name other than that person's (`Betty` before `Ford`, the surname of Gerald
    /// Ford)?
    fn another_given_name(&self, p: &[usize], m: &Mention) -> bool {
        let (first, last) = (&self.words[p[0]], &self.words[p[p.len() - 1]]);
        if p.len() < 2
            || m.form != Form::Surname
            || (m.span.byte_start, m.span.byte_end) != (last.start, last.end)
            || m.kind(self.gaz) != "person"
        {
            return false;
        }
        let given = first.folded(&self.arena);
        let name = m.describe(self.gaz).name;
        let their_first = fold(name.split(' ').next().unwrap_or(""));
        words::given_name(given).is_some() && their_first.trim_end_matches('.') != given
    }

    /// Looks at the run of name words `run` (indices, adjacent in the text).
    fn run(&mut self, run: &[usize], mentions: &[Mention]) {
        // The name is what follows the last title word (`Houston Police Capt. Rick Bownds`).
        let last_title = run
            .iter()
            .rposition(|&k| words::is_title_part(self.words[k].folded(&self.arena)));
        let (titled, p) = match last_title {
            Some(t) => {
                let head = self.words[run[t]].folded(&self.arena);
                (words::is_title(head), &run[t + 1..])
            }
            None => (false, run),
        };
        // A sentence's first function word is not part of a name (`By Anna Quist`, a byline).
        let p = match p {
            [first, rest @ ..]
                if !rest.is_empty()
                    && self.words[*first].sentence_start
                    && orgs::leading_function_word(self.words[*first].folded(&self.arena)) =>
            {
                rest
            }
            _ => p,
        };
        // A capitalised word before a given name and a surname, itself no given name, is not
        // part of the name (`Nutritionist Anna Morville`, `the Educator Tom Quist award`).
        let p = match p {
            [first, rest @ ..]
                if !titled
                    && rest.len() >= 2
                    && !words::is_particle(self.words[*first].folded(&self.arena))
                    && words::given_name(self.words[*first].folded(&self.arena)).is_none()
                    && (words::given_name(self.words[rest[0]].folded(&self.arena)).is_some()
                        || self.words[rest[0]].initial
                        || self.words[rest[0]].initials) =>
            {
                rest
            }
            _ => p,
        };
        if p.is_empty() || p.len() > 4 {
            return;
        }
        let doris_day = p.len() == 2
            && orgs::person_not_event(
                self.words[p[0]].folded(&self.arena),
                self.words[p[1]].folded(&self.arena),
            );
        if !doris_day
            && p.iter()
                .any(|&k| words::is_not_name_word(self.words[k].folded(&self.arena)))
        {
            return;
        }
        let lastw = &self.words[*p.last().unwrap_or(&0)];
        if lastw.initial || words::is_particle(lastw.folded(&self.arena)) || lastw.all_caps {
            return;
        }
        if p.iter().any(|&k| self.words[k].all_caps) {
            return;
        }
        let (s, e) = (self.words[p[0]].start, lastw.end);
        if self.in_a_name(s, e) {
            return;
        }
        let inside: Vec<&Mention> = overlapping(mentions, s, e).collect();
        for m in &inside {
            // A surname alone after another given name is another person of that family
            // (`Betty Ford` after Gerald Ford).
            if self.another_given_name(p, m) {
                continue;
            }
            // A demonym ends no person's name (`an African American, who`).
            if (m.form == Form::Demonym && m.span.byte_end == e)
                || m.kind(self.gaz) == "person"
                || m.span.byte_start < s
                || m.span.byte_end > e
                || (m.span.byte_start == s && m.span.byte_end == e)
            {
                return; // a known person, a longer name, or a name the gazetteer has whole
            }
        }
        if p.len() == 1 {
            // `Mr. Smith`: the surname of a person named earlier, or a person of that name.
            let key = self.words[p[0]].folded(&self.arena);
            if let Some([one]) = self.by_surname.get(key).map(Vec::as_slice) {
                let one = one.clone();
                self.found.push((s, e, one, Form::Surname));
                return;
            }
        }
        if !self.evidence(p, titled, mentions) {
            return;
        }
        let person = self.person(p);
        self.found.push((s, e, person, Form::Name));
    }
}

/// Finds the people of `text` that `mentions` (the gazetteer's, in text order) miss; returns
/// every mention in text order, the place and organisation mentions inside a person's name
/// dropped.
pub fn find(text: &str, mentions: Vec<Mention>, gaz: &Gazetteer) -> Vec<Mention> {
    let (words, arena) = words(text);
    let mut f = Finder {
        text,
        gaz,
        words,
        arena,
        by_name: HashMap::new(),
        by_surname: HashMap::new(),
        by_given: HashMap::new(),
        found: Vec::new(),
        names: Vec::new(),
    };
    f.names = orgs::find(text, &f.words, &f.arena, &mentions, gaz);
    // Runs of name words: capitalised words, initials and particles between them.
    let n = f.words.len();
    let mut i = 0;
    while i < n {
        let w = &f.words[i];
        if !w.cap || (w.all_caps && !w.initial) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n && adjacent(text, &f.arena, &f.words[j - 1], &f.words[j]) {
            let w = &f.words[j];
            let name_like = (w.cap && !w.all_caps) || w.initial;
            let particle = words::is_particle(w.folded(&f.arena))
                && !w.cap
                && j + 1 < n
                && f.words[j + 1].cap
                && adjacent(text, &f.arena, w, &f.words[j + 1]);
            if !(name_like || particle) {
                break;
            }
            j += 1;
        }
        let run: Vec<usize> = (i..j).collect();
        f.run(&run, &mentions);
        i = j;
    }
    // Later mentions of a found person's surname alone, or of the given name alone (`Rachel
    // said`) when one person of the document has it and it is no one's surname here.
    let taken: Vec<(usize, usize)> = f.found.iter().map(|x| (x.0, x.1)).collect();
    let first_at: HashMap<String, usize> = f
        .found
        .iter()
        .map(|x| (x.2.id.clone(), x.0))
        .rev()
        .collect();
    let mut extra = Vec::new();
    for (wi, w) in f.words.iter().enumerate() {
        if !w.cap || w.all_caps {
            continue;
        }
        let k = taken.partition_point(|&(_, e)| e <= w.start);
        if taken.get(k).is_some_and(|&(s, _)| s < w.end) || f.in_a_name(w.start, w.end) {
            continue;
        }
        let key = w.folded(&f.arena);
        let (one, form) = match (f.by_surname.get(key), f.by_given.get(key)) {
            (Some(v), _) => match v.as_slice() {
                [one] => (one, Form::Surname),
                _ => continue,
            },
            (None, Some(v)) if v.len() == 1 && f.stands_alone(wi) => (&v[0], Form::Alias),
            _ => continue,
        };
        if first_at.get(&one.id).is_none_or(|&s| s >= w.start) {
            continue;
        }
        let overlapped = overlapping(&mentions, w.start, w.end);
        let mut ok = true;
        for m in overlapped {
            if m.kind(f.gaz) == "person" || m.span.byte_start != w.start || m.span.byte_end != w.end
            {
                ok = false;
            }
        }
        if ok {
            extra.push((w.start, w.end, one.clone(), form));
        }
    }
    f.found.extend(extra);
    // The organisations and places found first join the people; an event only takes the
    // mentions inside it away.
    let mut events = Vec::new();
    for x in std::mem::take(&mut f.names) {
        match x.entity {
            Some(p) => f.found.push((x.start, x.end, p, Form::Name)),
            None => events.push((x.start, x.end)),
        }
    }
    // A demonym right after a capitalised word inside a sentence is part of a name written in
    // capitals (`Nail Polish`, `Latin American`), not its country.
    // A demonym that is also a given name, with no article or determiner before it, is a
    // person's name (`Finn and Spears`, not `a Finn`).
    f.found.sort_by_key(|x| (x.0, x.1));
    for m in mentions.iter().filter(|m| m.form == Form::Demonym) {
        let (s, e) = (m.span.byte_start, m.span.byte_end);
        let k = f.found.partition_point(|x| x.1 <= s);
        if f.found.get(k).is_some_and(|x| x.0 < e) || !given_name_not_demonym(text, m) {
            continue;
        }
        if let Ok(wi) = f.words.binary_search_by_key(&s, |w| w.start) {
            if f.words[wi].end == e {
                let p = f.person(&[wi]);
                let at = f.found.partition_point(|x| x.0 < s);
                f.found.insert(at, (s, e, p, Form::Name));
            }
        }
    }
    let in_a_name: Vec<usize> = mentions
        .iter()
        .filter(|m| m.form == Form::Demonym && f.name_word_before(m.span.byte_start, &mentions))
        .map(|m| m.span.byte_start)
        .collect();
    if f.found.is_empty() && events.is_empty() && in_a_name.is_empty() {
        return mentions;
    }
    let mut found = std::mem::take(&mut f.found);
    found.sort_by_key(|x| (x.0, x.1));
    let mut out: Vec<Mention> = mentions
        .into_iter()
        .filter(|m| in_a_name.binary_search(&m.span.byte_start).is_err())
        .filter(|m| {
            // Found names do not overlap one another, so their ends are in order too.
            let k = found.partition_point(|x| x.1 <= m.span.byte_start);
            let e = events.partition_point(|x| x.1 <= m.span.byte_start);
            found.get(k).is_none_or(|x| x.0 >= m.span.byte_end)
                && events.get(e).is_none_or(|x| x.0 >= m.span.byte_end)
        })
        .collect();
    let chars = CharMap::new(text);
    for (s, e, p, form) in found {
        out.push(Mention {
            span: OrigSpan {
                char_start: chars.get(s),
                char_end: chars.get(e),
                byte_start: s,
                byte_end: e,
            },
            entity: u32::MAX,
            form,
            candidates: Vec::new(),
            ambiguous: false,
            local: Some(p),
        });
    }
    out.sort_by_key(|m| (m.span.byte_start, m.span.byte_end));
    out
}

#[cfg(test)]
mod tests;
