//! The attribution context: the current sentence's tokens, the document's mentions and
//! speakers so far; noun phrases around a verb, and what an entity is (class, country, role).

use crate::text::is_determiner;
use std::sync::Arc;

use crate::gazetteer::{Gazetteer, LocalEntity};

use super::tokens::*;
use super::words::{self};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum CueKind {
    Verb,
    According,
    Citing,
}

#[derive(Clone, Debug)]
pub(super) struct FoundCue {
    pub(super) kind: CueKind,
    /// Token of the verb (or `according`).
    pub(super) trigger: usize,
    /// Bytes of the verb phrase.
    pub(super) verb: (usize, usize),
    /// Tokens of the speaker's phrase.
    pub(super) np: Option<(usize, usize)>,
    pub(super) reports: bool,
    pub(super) speaker: Option<SpeakerGuess>,
}

/// How many mentions back a pronoun or role noun looks for its antecedent (so that a text of
/// many pronouns and mentions stays linear).
pub(super) const LOOKBACK: usize = 400;

/// A speaker in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct SpeakerGuess {
    pub(super) span: (usize, usize),
    pub(super) entity: Option<u32>,
    pub(super) antecedent: Option<(usize, usize)>,
    pub(super) plural: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MentionClass {
    Person,
    Org,
    Place,
    Other,
}

/// An entity mention as attribution sees it: bytes, entity, class. `entity` is a gazetteer
/// index, or, with the [`LOCAL`] bit set, an index into [`Context::locals`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct MentionRef {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) entity: u32,
    pub(super) class: MentionClass,
}

/// The bit that marks an entity key as one of the document's local entities (a gazetteer has
/// fewer than 2^31 entities).
pub(super) const LOCAL: u32 = 1 << 31;

pub(super) struct Context<'a> {
    pub(super) text: &'a str,
    /// The current sentence.
    pub(super) toks: Vec<Token>,
    pub(super) gaz: &'a Gazetteer,
    /// (start, end, entity, class), in text order.
    pub(super) ments: Vec<MentionRef>,
    /// The document's local entities that `ments` name (`LOCAL | k` is `locals[k]`).
    pub(super) locals: Vec<Arc<LocalEntity>>,
    /// Speakers found so far, in text order: (position, speaker, class).
    pub(super) history: Vec<(usize, SpeakerGuess, Option<MentionClass>)>,
    /// The document's first paragraph when it reads as a headline (short, more follows).
    pub(super) headline: Option<(usize, usize)>,
}

pub(super) fn class_of(kind: &str) -> MentionClass {
    match kind {
        "person" => MentionClass::Person,
        "org" | "organisation" | "organization" | "agency" => MentionClass::Org,
        "place" | "country" | "city" | "location" => MentionClass::Place,
        _ => MentionClass::Other,
    }
}

impl<'a> Context<'a> {
    /// The speaker phrase before the verb at token `v` (sentence starts at `s0`).
    pub(super) fn np_back(&self, s0: usize, v: usize) -> Option<(usize, usize)> {
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
        if j > s0 + 2 && t[j - 1].k == TokenKind::Other && &self.text[t[j - 1].s..t[j - 1].e] == ")"
        {
            let mut k = j - 1;
            while k > s0
                && !(t[k - 1].k == TokenKind::Other && &self.text[t[k - 1].s..t[k - 1].e] == "(")
            {
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
        if t[j - 1].k == TokenKind::Dash && j >= s0 + 2 {
            if let Some(k) = (j.saturating_sub(14).max(s0)..j - 1)
                .rev()
                .find(|&k| t[k].k == TokenKind::Dash)
            {
                if let Some((a, b)) = self.np_words_back(s0, k) {
                    if t[a].cap {
                        return Some((a, b));
                    }
                }
            }
        }
        if t[j - 1].k == TokenKind::Comma {
            // `X, a professor at Y, said`: the phrase before the apposition. With a long or
            // nested apposition (`Tom Fitton, the president of Judicial Watch, a group that …,
            // said`), the name that opens the sentence, before its first comma.
            // (Past an introductory phrase: `Speaking later, Sen. X, who …, said`.)
            let mut start = s0;
            if t[s0].is_word() && words::introductory(t[s0].lw()) {
                if let Some(k) = (s0..j - 1).find(|&k| t[k].k == TokenKind::Comma) {
                    start = k + 1;
                }
            }
            if let Some(k) = (start..j - 1).find(|&k| t[k].k == TokenKind::Comma) {
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
                    TokenKind::Comma => return self.np_words_back(s0, k),
                    TokenKind::Word | TokenKind::Num => {}
                    _ => return None,
                }
            }
            return None;
        }
        self.np_words_back(s0, j)
    }

    pub(super) fn np_words_back(&self, s0: usize, end: usize) -> Option<(usize, usize)> {
        let t = &self.toks;
        let mut a = end;
        while a > s0 && t[a - 1].is_word() && end - a < 8 {
            let w = t[a - 1].lw();
            if words::np_stop(w) || t[a - 1].verb.is_some_and(|v| !v.noun_like) {
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
            if is_determiner(w) {
                break;
            }
        }
        (a < end).then_some((a, end))
    }

    /// The speaker phrase after token `i` (`said Lim Eul-chul, a professor`, `according to
    /// South Korean lawmakers,`).
    pub(super) fn np_fwd(&self, i: usize, s1: usize) -> Option<(usize, usize)> {
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
                || t[b].verb.is_some_and(|v| !v.noun_like)
            {
                break;
            }
            b += 1;
        }
        // Drop a trailing determiner or time lead.
        while b > i && (is_determiner(t[b - 1].lw()) || words::time_lead(t[b - 1].lw())) {
            b -= 1;
        }
        (b > i).then_some((i, b))
    }

    /// The local entity behind key `e`, when it is one.
    fn local(&self, e: u32) -> Option<&LocalEntity> {
        (e & LOCAL != 0).then(|| self.locals[(e & !LOCAL) as usize].as_ref())
    }

    pub(super) fn class(&self, e: u32) -> MentionClass {
        match self.local(e) {
            Some(l) => class_of(l.kind),
            None => class_of(self.gaz.entity(e as usize).kind()),
        }
    }

    /// A gazetteer attribute of the entity; of a local entity, only its `gender`.
    pub(super) fn attr(&self, e: u32, key: &str) -> Option<&'a str> {
        if let Some(l) = self.local(e) {
            return if key == "gender" { l.gender } else { None };
        }
        let gaz: &'a Gazetteer = self.gaz;
        gaz.entity(e as usize).str_attribute(key)
    }

    pub(super) fn country(&self, e: u32) -> Option<std::borrow::Cow<'a, str>> {
        let gaz: &'a Gazetteer = self.gaz;
        (e & LOCAL == 0)
            .then(|| gaz.entity(e as usize).country())
            .flatten()
    }

    /// The entity's role attribute (`EntityRef::role`), lower case; empty when it has none.
    pub(super) fn role(&self, e: u32) -> String {
        if e & LOCAL != 0 {
            return String::new();
        }
        self.gaz
            .entity(e as usize)
            .role()
            .unwrap_or("")
            .to_lowercase()
    }

    /// The entity's name, lower case.
    pub(super) fn name(&self, e: u32) -> String {
        match self.local(e) {
            Some(l) => l.name.to_lowercase(),
            None => self.gaz.entity(e as usize).name().to_lowercase(),
        }
    }

    /// Is the token inside an entity mention (`States` of `the United States`)?
    pub(super) fn in_mention(&self, tok: Token) -> bool {
        let k = self.ments.partition_point(|m| m.start <= tok.s);
        self.ments[k.saturating_sub(4)..k]
            .iter()
            .any(|m| m.start <= tok.s && tok.e <= m.end && (m.start, m.end) != (tok.s, tok.e))
    }

    /// Mentions whose start lies in bytes `s..e`.
    pub(super) fn mentions_in(&self, s: usize, e: usize) -> &[MentionRef] {
        let a = self.ments.partition_point(|m| m.start < s);
        let b = self.ments.partition_point(|m| m.start < e);
        &self.ments[a..b]
    }
}

/// Does a speaker's text look like a person's name (two to four capitalised words, or a
/// title and a name: `Anna Berg`, `Mr. Berg`)?
pub(super) fn looks_like_name(s: &str) -> bool {
    let ws: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&ws.len())
        && ws.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).any(char::is_lowercase)
        })
        && words::pronoun(&ws[0].to_lowercase()).is_none()
}
