//! Resolving a speaker phrase to an entity: names, pronouns, role nouns, organisations.

use super::context::*;
use super::words::{self, Gender, Pronoun, Role};
use crate::text::is_determiner;

impl<'a> Context<'a> {
    /// Resolves the speaker phrase of tokens `a..b`.
    pub(super) fn resolve(&self, a: usize, b: usize) -> SpeakerGuess {
        let t = &self.toks;
        let mut b = b;
        // `the agency's statement`, `a Reuters report`: the speaker is the rest.
        // (Not when a determiner alone would be left: `the statement said` keeps its words.)
        if b - a >= 2
            && words::document_noun(t[b - 1].lw())
            && !(b - a == 2 && is_determiner(t[a].lw()))
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
        let mut spk = SpeakerGuess {
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
        if let Some(m) = ms
            .last()
            .filter(|m| m.end >= t[b - 1].s && m.end <= span.1 + 4)
        {
            spk.entity = Some(m.entity);
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
                return SpeakerGuess { span, ..r };
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
                if let Some(m) = ms.iter().rev().find(|m| m.class == MentionClass::Person) {
                    spk.entity = Some(m.entity);
                } else if !fit.is_empty() {
                    if let Some(m) = self.recent_person(span.0, fit) {
                        spk.entity = Some(m.entity);
                        spk.antecedent = Some((m.start, m.end));
                    }
                }
                return spk;
            }
            Some(Role::Org(fit)) => {
                if let Some(m) = ms.iter().rev().find(|m| m.class == MentionClass::Org) {
                    spk.entity = Some(m.entity);
                    return spk;
                }
                let country = ms
                    .iter()
                    .rev()
                    .find(|m| m.class == MentionClass::Place)
                    .and_then(|m| self.country(m.entity));
                if let Some(m) = self.fitting_org(span, fit, country.as_deref()) {
                    spk.entity = Some(m.entity);
                    spk.antecedent = Some((m.start, m.end));
                }
                return spk;
            }
            None => {}
        }
        let pick = ms
            .iter()
            .rev()
            .find(|m| m.class == MentionClass::Person)
            .or_else(|| ms.iter().rev().find(|m| m.class == MentionClass::Org));
        if let Some(m) = pick {
            spk.entity = Some(m.entity);
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

    pub(super) fn resolve_pronoun(&self, p: Pronoun, mut spk: SpeakerGuess) -> SpeakerGuess {
        let at = spk.span.0;
        let before = &self.ments[..self.ments.partition_point(|m| m.start < at)];
        match p {
            Pronoun::Person(g) => {
                // The most recent person, passing over those known to be of the other gender.
                let known = before.iter().rev().take(LOOKBACK).find(|m| {
                    m.class == MentionClass::Person && self.gender_of(m).is_none_or(|x| x == g)
                });
                if let Some(m) = known {
                    spk.entity = Some(m.entity);
                    spk.antecedent = Some((m.start, m.end));
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
                if let Some(h) = unknown.filter(|h| known.is_none_or(|m| h.1.span.0 > m.end)) {
                    spk.entity = None;
                    spk.antecedent = Some(h.1.span);
                }
            }
            Pronoun::It => {
                // The last organisation that spoke, else the last place that spoke, else the
                // last organisation named.
                let spoke = |class: MentionClass| {
                    self.history
                        .iter()
                        .rev()
                        .find(|h| h.0 < at && at - h.0 < 3000 && !h.1.plural && h.2 == Some(class))
                };
                if let Some(h) = spoke(MentionClass::Org).or_else(|| spoke(MentionClass::Place)) {
                    spk.entity = h.1.entity;
                    spk.antecedent = Some(h.1.span);
                } else if let Some(m) = before
                    .iter()
                    .rev()
                    .take(LOOKBACK)
                    .find(|m| m.class == MentionClass::Org)
                {
                    spk.entity = Some(m.entity);
                    spk.antecedent = Some((m.start, m.end));
                }
            }
            Pronoun::They => {
                // The last group that spoke, else the last organisation that spoke.
                spk.plural = true;
                let recent =
                    |h: &&(usize, SpeakerGuess, Option<MentionClass>)| h.0 < at && at - h.0 < 3000;
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
                            .find(|h| h.2 == Some(MentionClass::Org))
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
    pub(super) fn gender_of(&self, m: &MentionRef) -> Option<Gender> {
        if let Some(g) = self.attr(m.entity, "gender").and_then(words::gender_attr) {
            return Some(g);
        }
        let mut ts = m.start.saturating_sub(24);
        while !self.text.is_char_boundary(ts) {
            ts += 1;
        }
        let before = self.text[ts..m.start].trim_end();
        let word = before
            .rsplit(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\''))
            .next()?;
        words::gender_cue(&word.to_lowercase())
    }

    /// The most recent person before `at` whose role attribute or title in the text fits.
    pub(super) fn recent_person(&self, at: usize, fit: &[&str]) -> Option<MentionRef> {
        let before = &self.ments[..self.ments.partition_point(|m| m.start < at)];
        before.iter().rev().take(LOOKBACK).copied().find(|m| {
            if m.class != MentionClass::Person {
                return false;
            }
            let role = self.role(m.entity);
            let mut ts = m.start.saturating_sub(48);
            while !self.text.is_char_boundary(ts) {
                ts += 1;
            }
            let title = self.text[ts..m.start].to_lowercase();
            fit.iter().any(|f| role.contains(f) || title.contains(f))
        })
    }

    /// The most recent organisation before `span` whose type or name fits (and in `country`
    /// when given), else the first one within a few sentences after it.
    pub(super) fn fitting_org(
        &self,
        span: (usize, usize),
        fit: &[&str],
        country: Option<&str>,
    ) -> Option<MentionRef> {
        let fits = |m: &MentionRef| {
            if m.class != MentionClass::Org {
                return false;
            }
            if let (Some(c), Some(mc)) = (country, self.country(m.entity)) {
                if c != mc {
                    return false;
                }
            }
            let ty = self.attr(m.entity, "type").unwrap_or("").to_lowercase();
            let name = self.name(m.entity);
            fit.iter().any(|f| ty.contains(f) || name.contains(f))
        };
        let split = self.ments.partition_point(|m| m.start < span.0);
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
            .take_while(|m| m.start < span.1 + 600)
            .find(|m| m.start >= span.1 && fits(m))
            .copied()
    }
}
