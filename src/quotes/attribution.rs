//! Which cue a quote takes (after, colon, before, dash, later in the sentence, continued
//! paragraph, headline), and whether a marked span is a quote at all.

use super::context::*;
use super::marks::RawQuote;
use super::quote::Cue;
use super::tokens::*;
use super::words::{self};

/// A quote's attribution, in bytes.
pub(super) struct Attributed {
    pub(super) speaker: Option<SpeakerGuess>,
    pub(super) verb: Option<(usize, usize)>,
    pub(super) cue: Cue,
    pub(super) partial: bool,
    pub(super) keep: bool,
}

/// Does the quote's content look like a title or a name (`Meet the Press`, `Shorty`)?
pub(super) fn title_like(content: &str) -> bool {
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
/// What a colon introduces: the speaker (and verb) of the words before it.
#[derive(Clone, Copy, Debug)]
pub(super) struct ColonIntro {
    pub(super) speaker: Option<SpeakerGuess>,
    pub(super) verb: Option<(usize, usize)>,
    pub(super) cue: Cue,
}

impl Context<'_> {
    /// Who speaks what the colon at token `colon` of the current sentence introduces: the
    /// speaker of a cue right before it (`Smith added:`), else a short name or pronoun right
    /// before it (`Smith:`), else, when no speech verb comes before it, the sentence's subject
    /// (`Sanders delivered a snappy retort:`).
    pub(super) fn colon_intro(&self, colon: usize, scues: &[FoundCue]) -> Option<ColonIntro> {
        let toks = &self.toks;
        if let Some(c) = scues.iter().find(|c| c.trigger + 1 == colon) {
            return Some(ColonIntro {
                speaker: c.speaker,
                verb: Some(c.verb),
                cue: Cue::Before,
            });
        }
        let short_name = |(a, b): (usize, usize)| {
            b - a <= 6 && (toks[a].cap || words::pronoun(toks[a].lw()).is_some())
        };
        let colon_cue = |span: (usize, usize)| ColonIntro {
            speaker: Some(self.resolve(span.0, span.1)),
            verb: None,
            cue: Cue::Colon,
        };
        if let Some(np) = self.np_words_back(0, colon).filter(|&np| short_name(np)) {
            return Some(colon_cue(np));
        }
        if scues.iter().any(|c| c.trigger < colon) {
            return None;
        }
        self.sentence_subject(0, colon)
            .filter(|&np| short_name(np))
            .map(colon_cue)
    }

    /// Attributes the quote at token `t` of the current sentence, given the sentence's cues.
    pub(super) fn attribute(
        &self,
        t: usize,
        q: &RawQuote,
        scues: &[FoundCue],
        para_of: &dyn Fn(usize) -> usize,
        last_quote: &mut Option<(usize, Option<SpeakerGuess>)>,
        intro: Option<ColonIntro>,
    ) -> Attributed {
        let (s0, s1) = (0, self.toks.len());
        let (cs, ce) = q.span();
        let content = &self.text[cs..ce];
        let toks = &self.toks;
        // Right after the quote (a comma may stand between).
        let mut u = t + 1;
        if u < s1 && toks[u].k == TokenKind::Comma {
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
        let introduces_next = |c: &FoundCue| {
            (c.trigger + 1..(c.trigger + 4).min(s1))
                .any(|k| matches!(toks[k].k, TokenKind::Quote(_)))
        };
        let after = scues.iter().find(|c| {
            (c.trigger == u || c.np.is_some_and(|np| np.0 == u && c.trigger > t))
                && !(ends_sentence && introduces_next(c))
        });
        if u < s1 && toks[u].k == TokenKind::Dash && u + 1 < s1 && toks[u + 1].cap {
            if let Some((a, b)) = self.np_fwd(u + 1, s1) {
                att.speaker = Some(self.resolve(a, b));
                att.cue = Cue::Dash;
            }
        } else if let Some(c) = after {
            att.speaker = c.speaker;
            att.verb = Some(c.verb);
            att.cue = Cue::After;
        }
        if att.cue == Cue::Unattributed && t > s0 && toks[t - 1].k == TokenKind::Colon {
            if let Some(intro) = self.colon_intro(t - 1, scues) {
                (att.speaker, att.verb, att.cue) = (intro.speaker, intro.verb, intro.cue);
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
            || toks[t - 1].k == TokenKind::Colon
            || toks[t - 1].k == TokenKind::Break
            || (toks[t - 1].k == TokenKind::Comma
                && (scues
                    .iter()
                    .any(|c| c.trigger + 2 == t || c.np.is_some_and(|np| np.1 + 1 == t))
                    || (t >= 2 && matches!(toks[t - 2].k, TokenKind::Quote(_)))))
            || (starts_upper && scues.iter().any(|c| c.trigger + 1 == t));
        let standalone_after = !q.closed
            || content.ends_with(['.', ',', '!', '?', '…', ';', ':', '—', '-'])
            || toks
                .get(t + 1)
                .is_none_or(|n| !n.is_word() || n.cap || t + 1 >= s1)
            || att.cue == Cue::After;
        att.partial = !(standalone_before && standalone_after);
        let p = para_of(q.outer.0);
        // `Cruz continued:` ending a paragraph introduces the quote that opens the next one.
        if t == s0 && att.cue == Cue::Unattributed {
            if let Some(intro) = intro {
                (att.speaker, att.verb, att.cue) = (intro.speaker, intro.verb, intro.cue);
            }
        }
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
            && toks.get(t + 1).is_none_or(|n| n.k == TokenKind::Break)
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
