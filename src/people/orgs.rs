//! Organisations, places and events the gazetteer does not know, found by the head word of
//! their name: `Goteborg University`, `Mine Safety and Health Administration`, `Council on
//! Foreign Relations`, `McCarran International Airport`, `Laramie County`, `Charles Schwab Cup`.
//! The name beats the place, organisation or person inside it (`London` in `London
//! Marathon`, `George Bush` in `George Bush Intercontinental Airport`).
//!
//! A name is a chain of capitalised words (initials and acronyms included) joined by single
//! spaces or by `of`, `and`, `for`, `on`, `&`, `of the`, that holds a head word with at least
//! one more word: the words before the head (`Varian Medical Systems`), or a complement after
//! it (`Department of Education`). A sentence's first word that is a function word (`At Ohio
//! State University`) is not part of it, and the name stops before a title (`Houston Police
//! Capt. Rick Bownds`). Two more shapes: a team (a city and one capitalised plural,
//! `Miami Dolphins`), and a part of a region (`Southern California`).
//!
//! Organisations and places get a document-local entity of that kind; events only take their
//! words away from the other finders (the annotation schemes this library is measured on, like
//! most users, want `London Marathon` to be neither London nor a person).

use std::collections::HashMap;
use std::sync::Arc;

use super::words::{head, Head};
use super::{fold, local_id, words, Word};
use crate::gazetteer::{Form, Gazetteer, LocalEntity, Mention};

/// The most words a name found here may have (`Office of the United Nations High Commissioner
/// for Human Rights` has nine).
const MAX_WORDS: usize = 12;

/// Are the two words (folded) a given name and an event's head word, so a person's name
/// (`Doris Day`, `Tom Cup`)?
pub(super) fn person_not_event(first: &str, second: &str) -> bool {
    head(second) == Some(Head::Event) && words::given_name(first) == Some(false)
}

/// Lower-case words that join the words of one name.
fn connector(gap: &str) -> bool {
    matches!(gap, " and " | " & ") || complement_start(gap)
}

/// Lower-case words that start a complement after a head word (`Department of Education`,
/// `Council on Foreign Relations`).
fn complement_start(gap: &str) -> bool {
    matches!(
        gap,
        " of " | " for " | " on " | " of the " | " for the " | " on the "
    )
}

/// Head words that make a name only as its last word: `Customs and Border Protection`, not
/// `Panda Protection and Research Center`, which is one centre.
fn weak_head(w: &str) -> bool {
    matches!(
        w,
        "protection" | "enforcement" | "management" | "systems" | "technologies" | "services"
    )
}

/// Days and months: `the Supreme Court on Wednesday` is not `Court on Wednesday`.
fn date_word(w: &str) -> bool {
    crate::text::is_weekday(w) || crate::text::is_month_name(w)
}

/// A capitalised word that says where something is from (`Oklahoma City-based`, `US-born`):
/// no name goes through it.
fn modifier_word(w: &str) -> bool {
    [
        "-based", "-born", "-led", "-backed", "-owned", "-run", "-made",
    ]
    .iter()
    .any(|s| w.ends_with(s))
}

/// Function words that start a sentence before a name and are not part of it.
pub(super) fn leading_function_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "at"
            | "in"
            | "on"
            | "for"
            | "by"
            | "with"
            | "from"
            | "to"
            | "of"
            | "and"
            | "but"
            | "as"
            | "after"
            | "before"
            | "when"
            | "if"
            | "while"
            | "since"
            | "under"
            | "like"
            | "about"
    )
}

/// A region's part written before it (`Southern California`).
fn compass(w: &str) -> bool {
    matches!(
        w,
        "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "northeastern"
            | "northwestern"
            | "southeastern"
            | "southwestern"
    )
}

/// One name found: bytes `start..end`, and its entity (`None` for an event).
pub(super) struct Found {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) entity: Option<Arc<LocalEntity>>,
}

struct Finder<'a> {
    text: &'a str,
    gaz: &'a Gazetteer,
    words: &'a [Word],
    arena: &'a str,
    mentions: &'a [Mention],
    by_name: HashMap<String, Arc<LocalEntity>>,
    out: Vec<Found>,
}

impl Finder<'_> {
    fn folded(&self, k: usize) -> &str {
        self.words[k].folded(self.arena)
    }

    /// The gap between words `k` and `k + 1` joins them inside a name: one space, nothing
    /// between two initials (`U.S.`), a connector, or the dot of an abbreviated place name the
    /// gazetteer matched (`La. Department of Wildlife`).
    fn joined(&self, k: usize) -> bool {
        let (a, b) = (&self.words[k], &self.words[k + 1]);
        if (!b.cap && !b.initial)
            || modifier_word(self.folded(k))
            || modifier_word(self.folded(k + 1))
        {
            return false;
        }
        if date_word(self.folded(k + 1)) && self.text[a.end..b.start].len() > 1 {
            return false; // `Court on Wednesday`
        }
        let gap = &self.text[a.end..b.start];
        gap == " "
            || (gap.is_empty() && a.initial)
            || connector(gap)
            || (gap == ". "
                && a.end - a.start <= 4
                && self
                    .mentions_at(a.start, a.end + 1)
                    .any(|m| m.kind(self.gaz) == "place"))
    }

    fn mentions_at(&self, s: usize, e: usize) -> impl Iterator<Item = &Mention> {
        super::overlapping(self.mentions, s, e)
            .filter(move |m| m.span.byte_start == s && m.span.byte_end == e)
    }

    /// Is the gap before word `k + 1` a connector?
    fn connects(&self, k: usize) -> bool {
        connector(&self.text[self.words[k].end..self.words[k + 1].start])
    }

    /// Does a complement start after word `k` (`of`, `for`, `on`)?
    fn complement_after(&self, k: usize) -> bool {
        complement_start(&self.text[self.words[k].end..self.words[k + 1].start])
    }

    fn entity(&mut self, s: usize, e: usize, kind: &'static str) -> Arc<LocalEntity> {
        let name = self.text[s..e].to_string();
        let key = fold(&name);
        if let Some(p) = self.by_name.get(&key) {
            return p.clone();
        }
        let p = Arc::new(LocalEntity {
            id: local_id(&key),
            name,
            kind,
            gender: None,
        });
        self.by_name.insert(key, p.clone());
        p
    }

    /// The head of the name words `lo..hi` may form: the last head word with a word before it
    /// or a complement after it, its kind, and whether a complement follows.
    fn head_of(&self, lo: usize, hi: usize) -> Option<(usize, Head, bool)> {
        let mut best = None;
        for h in lo..hi {
            let w = self.folded(h);
            let Some(kind) = head(w) else {
                continue;
            };
            if weak_head(w) && h + 1 < hi {
                continue;
            }
            let complement = h + 1 < hi && self.complement_after(h);
            let first = h == lo || (h == lo + 1 && self.folded(lo) == "the");
            if kind == Head::Person && (!first || !complement) {
                continue; // only `(The) Duke of X` itself
            }
            if h > lo || complement {
                best = Some((h, kind, complement));
            }
        }
        best
    }

    /// Looks at the chain of joined words `lo..hi`.
    fn chain(&mut self, mut lo: usize, hi: usize) {
        // (A capital `The` inside a sentence belongs to the name, as in the gazetteer's
        // names: `of The Duchess of Avalon`.)
        while lo < hi && self.words[lo].sentence_start && leading_function_word(self.folded(lo)) {
            lo += 1;
        }
        // The name stops before a title (`Houston Police Capt. Rick Bownds`): what follows is
        // the person finder's.
        let stop = (lo + 1..hi)
            .find(|&k| words::is_title(self.folded(k)) && !self.connects(k - 1))
            .unwrap_or(hi);
        // Two names joined by `and` are two (`the Department of Education and the Mine Safety
        // Administration`); one name with `and` inside is one (`Customs and Border Protection`).
        for g in lo..stop.saturating_sub(1) {
            let gap = &self.text[self.words[g].end..self.words[g + 1].start];
            if gap == " and "
                && self.head_of(lo, g + 1).is_some()
                && self.head_of(g + 1, stop).is_some()
            {
                self.chain(lo, g + 1);
                self.chain(g + 1, stop);
                return;
            }
        }
        let Some((h, kind, complement)) = self.head_of(lo, stop) else {
            return;
        };
        // Words before an `of` with no head word among them are not the name's (`Mr Quist of
        // the Sailing Association`; but `University of Avalon Medical Center` is one name).
        if let Some(g) = (lo..h).rev().find(|&g| self.complement_after(g)) {
            if (lo..=g).all(|k| head(self.folded(k)).is_none()) {
                lo = g + 1;
                if lo == h && !complement {
                    return; // a head word alone
                }
            }
        }
        if h == lo + 1 && !complement && person_not_event(self.folded(lo), self.folded(h)) {
            return;
        }
        let mut end_word = h;
        if complement {
            // The complement runs to the chain's end, or to an acronym written after it
            // (`Bank of Avalon CEO Jane Quist`).
            end_word = h + 1;
            while end_word + 1 < stop {
                let k = end_word + 1;
                let w = &self.words[k];
                if !self.connects(k - 1) && w.all_caps && !w.initial {
                    break;
                }
                end_word = k;
            }
        }
        self.name(lo, h, end_word, kind);
    }

    /// Words `a..=b`, with the head word `h`, are a name of `kind`, unless the gazetteer has
    /// it whole or its head, or a mention reaches across its edge.
    fn name(&mut self, a: usize, h: usize, b: usize, kind: Head) {
        let (s, e) = (self.words[a].start, self.words[b].end);
        // A possessive or a dot after the last word stays outside (`Corp.` keeps its dot).
        let e = if self.text[e..].starts_with('.')
            && matches!(self.folded(b), "corp" | "inc" | "ltd" | "co")
        {
            e + 1
        } else {
            e
        };
        for m in super::overlapping(self.mentions, s, e) {
            if m.span.byte_start < s || m.span.byte_end > e {
                return;
            }
            let covers_head = m.span.byte_start <= self.words[h].start;
            if m.span.byte_end == e
                && (m.span.byte_start == s || (covers_head && m.kind(self.gaz) != "person"))
            {
                // A name the gazetteer knows, whole or with its head (`US House Intelligence
                // Committee`: the US and the committee the gazetteer has).
                return;
            }
        }
        let entity = match kind {
            Head::Org => Some(self.entity(s, e, "org")),
            Head::Place => Some(self.entity(s, e, "place")),
            Head::Person => Some(self.entity(s, e, "person")),
            Head::Event => None,
        };
        self.out.push(Found {
            start: s,
            end: e,
            entity,
        });
    }

    /// A team: a city the gazetteer matched, then one capitalised plural that nothing else
    /// claims and no name word follows (`Miami Dolphins`, not `Miami Beach`, `Texas Rangers
    /// Association`).
    fn team(&mut self, m: &Mention) -> bool {
        let e = m.span.byte_end;
        let k = self.words.partition_point(|w| w.start < e);
        let Some(w) = self.words.get(k) else {
            return false;
        };
        let plural = self.folded(k);
        if &self.text[e..w.start] != " "
            || !w.cap
            || w.all_caps
            || plural.len() < 4
            || !plural.ends_with('s')
            || plural.ends_with("ss")
            || head(plural).is_some()
            || words::is_title_part(plural)
            || words::is_not_name_word(plural)
            || words::is_speech_verb(plural)
            || self
                .words
                .get(k + 1)
                .is_some_and(|n| (n.cap || n.initial) && &self.text[w.end..n.start] == " ")
            || super::overlapping(self.mentions, w.start, w.end)
                .next()
                .is_some()
        {
            return false;
        }
        let g = self.gaz.entity(m.entity as usize);
        if g.kind() != "place" || g.str_attribute("feature") != Some("city") {
            return false;
        }
        let (s, e) = (m.span.byte_start, w.end);
        let entity = Some(self.entity(s, e, "org"));
        self.out.push(Found {
            start: s,
            end: e,
            entity,
        });
        true
    }

    /// A part of a region: `Southern` and a region the gazetteer matched (`Southern
    /// California`, `Central Asia`).
    fn part_of_region(&mut self, m: &Mention) {
        let s = m.span.byte_start;
        let k = self.words.partition_point(|w| w.end <= s);
        if k == 0 {
            return;
        }
        let w = &self.words[k - 1];
        if !w.cap || w.all_caps || &self.text[w.end..s] != " " || !compass(self.folded(k - 1)) {
            return;
        }
        let (s, e) = (w.start, m.span.byte_end);
        let entity = Some(self.entity(s, e, "place"));
        self.out.push(Found {
            start: s,
            end: e,
            entity,
        });
    }
}

/// The names of organisations, places and events in `text` that the gazetteer's `mentions`
/// (in text order) do not cover whole, in text order and not overlapping. `words` and `arena`
/// are the person finder's words of the same text.
pub(super) fn find(
    text: &str,
    words: &[Word],
    arena: &str,
    mentions: &[Mention],
    gaz: &Gazetteer,
) -> Vec<Found> {
    let mut f = Finder {
        text,
        gaz,
        words,
        arena,
        mentions,
        by_name: HashMap::new(),
        out: Vec::new(),
    };
    let n = words.len();
    let mut i = 0;
    while i < n {
        if !words[i].cap && !words[i].initial {
            i += 1;
            continue;
        }
        // A name has at most `MAX_WORDS` words: a longer chain (a title-case headline, a list
        // of names) is cut, which keeps the finder linear.
        let mut j = i + 1;
        while j < n && j - i < MAX_WORDS && f.joined(j - 1) {
            j += 1;
        }
        f.chain(i, j);
        i = j;
    }
    // Teams and parts of regions, around places the chains left alone.
    let chains = std::mem::take(&mut f.out);
    for m in mentions.iter().filter(|m| m.local.is_none()) {
        let k = chains.partition_point(|x| x.end <= m.span.byte_start);
        let covered = chains.get(k).is_some_and(|x| x.start < m.span.byte_end);
        if covered || m.form == Form::Demonym || f.gaz.entity(m.entity as usize).kind() != "place" {
            continue;
        }
        if !f.team(m) {
            f.part_of_region(m);
        }
    }
    f.out.extend(chains);
    let mut out = f.out;
    out.sort_by_key(|x| (x.start, x.end));
    // Not overlapping: the first (leftmost, then shortest) of two that overlap stays.
    let mut kept: Vec<Found> = Vec::with_capacity(out.len());
    for x in out {
        if kept.last().is_none_or(|l| l.end <= x.start) {
            kept.push(x);
        }
    }
    kept
}
