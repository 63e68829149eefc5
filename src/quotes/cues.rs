//! Speech cues of a sentence (`X said`, `said X`, `according to X`, `citing X`), headline
//! speakers and clause subjects.

use super::context::*;
use super::tokens::*;
use super::words::{self};
use crate::text::is_determiner;

impl Context<'_> {
    /// `he went on,` / `Trump goes on:`: a speaker going on speaking, when the clause ends
    /// right after `on` (not `the strike went on for weeks`).
    fn went_on(&self, i: usize, s1: usize) -> Option<super::verbs::Verb> {
        let t = &self.toks;
        if !matches!(t[i].lw(), "went" | "goes") {
            return None;
        }
        let on = t
            .get(i + 1)
            .filter(|n| i + 1 < s1 && n.is_word() && n.lw() == "on");
        let clause_ends = t.get(i + 2).is_none_or(|n| {
            i + 2 >= s1
                || matches!(
                    n.k,
                    TokenKind::Comma | TokenKind::Term | TokenKind::Colon | TokenKind::Quote(_)
                )
        });
        (on.is_some() && clause_ends).then_some(super::verbs::Verb {
            reports: true,
            noun_like: false,
        })
    }

    /// The cues of the sentence with tokens `s0..s1`, resolved in order.
    pub(super) fn sentence_cues(&mut self, s0: usize, s1: usize, out: &mut Vec<FoundCue>) {
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
                    rec = Some(FoundCue {
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
                    rec = Some(FoundCue {
                        kind: CueKind::Citing,
                        trigger: i,
                        verb: (tok.s, tok.e),
                        np: Some(np),
                        reports: true,
                        speaker: None,
                    });
                }
            } else if let Some(verb) = tok
                .verb
                .or_else(|| self.went_on(i, s1))
                .filter(|_| !self.in_mention(tok))
            {
                let prev = (i > s0).then(|| self.toks[i - 1]);
                let after = self.toks.get(i + 1).filter(|_| i + 1 < s1);
                // `the reported troop movements`, `so-called`: not a verb here.
                let adjectival = prev.is_some_and(|p| p.is_word() && is_determiner(p.lw()));
                // `a Facebook comment`, `a campaign promise`: after `a` and a noun a base form
                // is a noun (a verb there would agree: `a spokesman says`).
                let after_a_noun = i >= s0 + 2
                    && prev.is_some_and(|p| p.is_word())
                    && matches!(self.toks[i - 2].lw(), "a" | "an")
                    && super::verbs::is_base_form(w);
                let adjectival = adjectival || after_a_noun;
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
                    let after_quote = prev.is_some_and(|p| matches!(p.k, TokenKind::Quote(_)))
                        || (i >= s0 + 2
                            && prev.is_some_and(|p| p.k == TokenKind::Comma)
                            && matches!(self.toks[i - 2].k, TokenKind::Quote(_)));
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
                    rec = Some(FoundCue {
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
    pub(super) fn headline_speaker(&self, s0: usize, t: usize) -> Option<(usize, usize)> {
        let toks = &self.toks;
        if let Some(k) = (s0..t).find(|&k| toks[k].k == TokenKind::Colon) {
            return self
                .np_words_back(s0, k)
                .filter(|&(a, b)| a == s0 && b - a <= 5 && toks[a].cap);
        }
        let first = toks.get(s0)?;
        if let Some(m) = self.mentions_in(first.s, first.e).first() {
            if matches!(m.class, MentionClass::Person | MentionClass::Org) {
                let b = (s0..t).take_while(|&k| toks[k].e <= m.end).last()? + 1;
                return Some((s0, b));
            }
        }
        let mut b = s0;
        while b < t && b - s0 < 4 && toks[b].is_word() && toks[b].cap {
            if b > s0 && toks[b].verb.is_some() {
                break;
            }
            b += 1;
        }
        (b > s0).then_some((s0, b))
    }

    /// Can tokens `a..b` be a speaker? A speaker is a noun phrase headed by a name, a pronoun
    /// or a noun: never a determiner, preposition, adverb or time phrase alone (`a`, `In`,
    /// `Already`, `recent days`), nor a phrase that opens with a preposition (`in an e-mailed`).
    pub(super) fn speaker_phrase(&self, a: usize, b: usize) -> bool {
        let t = &self.toks;
        let first = t[a].lw();
        let last = t[b - 1].lw();
        if words::np_stop(first) && !t[a].cap {
            return false;
        }
        if b - a == 1
            && (is_determiner(first)
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
    pub(super) fn sentence_subject(&self, s0: usize, limit: usize) -> Option<(usize, usize)> {
        let t = &self.toks;
        // Past an introductory phrase (`However,`, `Before the convention,`, `Asked on Monday
        // whether …,`): the subject follows its comma.
        let mut s0 = s0;
        for _ in 0..3 {
            if s0 >= limit || !t[s0].is_word() || !words::introductory(t[s0].lw()) {
                break;
            }
            match (s0..limit.min(s0 + 25)).find(|&k| t[k].k == TokenKind::Comma) {
                Some(k) => s0 = k + 1,
                None => break,
            }
        }
        let mut b = s0;
        if b < limit && t[b].is_word() && is_determiner(t[b].lw()) {
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
                    if words::np_stop(w) || t[b].verb.is_some() || w.ends_with("ed") {
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
}
