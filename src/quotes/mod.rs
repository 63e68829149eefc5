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

mod attribution;
mod context;
mod cues;
mod marks;
mod quote;
mod sentences;
mod speakers;
#[cfg(test)]
mod tests;
mod tokens;
mod verbs;
mod words;

use std::collections::HashMap;
use std::sync::Arc;

use crate::gazetteer::{Gazetteer, LocalEntity, Mention};
use crate::text::normalize::OrigSpan;
use crate::text::CharMap;

use attribution::*;
use context::*;
use sentences::*;
use tokens::*;

pub use quote::{Cue, Quote, Source, Speaker};

/// Finds quotes, their speakers and the sources of `numbers` (byte spans) in `text`.
///
/// `mentions` are the document's entity mentions from `gazetteer`.
pub fn analyse(
    text: &str,
    mentions: &[Mention],
    gazetteer: &Gazetteer,
    numbers: &[(usize, usize)],
) -> (Vec<Quote>, Vec<Option<Box<Source>>>) {
    let paras = crate::text::paragraphs(text);
    let raw = marks::find(text, &paras);
    // A name found by `crate::people` is a local entity: keyed `LOCAL | k`, one key for all
    // the mentions of one entity (its name, then its surname).
    let mut locals: Vec<Arc<LocalEntity>> = Vec::new();
    let mut local_keys: HashMap<&str, u32> = HashMap::new();
    let mut ments: Vec<MentionRef> = mentions
        .iter()
        .map(|m| {
            let (entity, class) = match &m.local {
                Some(l) => {
                    let k = *local_keys.entry(l.id.as_str()).or_insert_with(|| {
                        locals.push(l.clone());
                        LOCAL | (locals.len() - 1) as u32
                    });
                    (k, class_of(l.kind))
                }
                None => (
                    m.entity,
                    class_of(gazetteer.entity(m.entity as usize).kind()),
                ),
            };
            MentionRef {
                start: m.span.byte_start,
                end: m.span.byte_end,
                entity,
                class,
            }
        })
        .collect();
    ments.sort_unstable_by_key(|m| (m.start, m.end));
    // For the output (the context keeps its own).
    let out_locals = locals.clone();
    let mut cx = Context {
        text,
        toks: Vec::new(),
        gaz: gazetteer,
        ments,
        locals,
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
    let speaker = |s: &SpeakerGuess| Speaker {
        span: sp(s.span),
        entity: s.entity.filter(|e| e & LOCAL == 0),
        local: s
            .entity
            .filter(|e| e & LOCAL != 0)
            .map(|e| out_locals[(e & !LOCAL) as usize].clone()),
        antecedent: s.antecedent.map(sp),
    };
    let mut quotes_b: Vec<(usize, Attributed)> = Vec::new();
    let mut sources: Vec<Option<Box<Source>>> = Vec::with_capacity(numbers.len());
    let mut next_number = 0;
    let mut last_quote: Option<(usize, Option<SpeakerGuess>)> = None; // (last paragraph, speaker)
    let mut cues: Vec<FoundCue> = Vec::new();
    let mut sent = std::mem::take(&mut cx.toks);
    // A paragraph that ends in a colon, with what it introduces, for a quote opening the next.
    let mut pending_intro: Option<(usize, attribution::ColonIntro)> = None;
    while sentences.next_into(&mut sent) {
        cx.toks = std::mem::take(&mut sent);
        cues.clear();
        let s1 = cx.toks.len();
        cx.sentence_cues(0, s1, &mut cues);
        let first_quote = quotes_b.len();
        for t in 0..s1 {
            let TokenKind::Quote(qi) = cx.toks[t].k else {
                continue;
            };
            let qi = qi as usize;
            let intro = pending_intro
                .filter(|&(p, _)| t == 0 && para_of(raw[qi].outer.0) == p + 1)
                .map(|(_, i)| i);
            let att = cx.attribute(t, &raw[qi], &cues, &para_of, &mut last_quote, intro);
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
        // `Cruz continued:` at a paragraph's end (the break ended the sentence).
        pending_intro = None;
        let last = cx.toks.iter().rposition(|t| t.k != TokenKind::Break);
        if let Some(c) = last.filter(|&c| cx.toks[c].k == TokenKind::Colon) {
            // Across the break only a speech verb (`Cruz continued:`) or a known speaker
            // (`President Clinton released this statement:`) is evidence enough: `Partial
            // transcript:` or `Wait:` introduce nobody.
            let evidence = |i: &attribution::ColonIntro| {
                i.cue == Cue::Before || i.speaker.is_some_and(|s| s.entity.is_some())
            };
            if let Some(intro) = cx.colon_intro(c, &cues).filter(evidence) {
                pending_intro = Some((para_of(cx.toks[c].s), intro));
            }
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
