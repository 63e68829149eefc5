//! Context inside one document: the entities it has named so far, titles written before a
//! surname, and the settling of ambiguous mentions by what else the document says.

use std::collections::HashSet;

use super::model::Mention;
use super::store::Store;

/// Entities mentioned so far in a document (by a name, not a surname). Most documents mention
/// few entities, so a short vector is searched first; past 32 entries a hash set takes over, which
/// keeps a huge document with many distinct entities linear.
#[derive(Default)]
pub(super) struct Seen {
    few: Vec<u32>,
    many: HashSet<u32>,
}

impl Seen {
    #[inline]
    pub(super) fn contains(&self, e: u32) -> bool {
        if self.many.is_empty() {
            self.few.contains(&e)
        } else {
            self.many.contains(&e)
        }
    }

    #[inline]
    pub(super) fn insert(&mut self, e: u32) {
        if !self.many.is_empty() {
            self.many.insert(e);
        } else if !self.few.contains(&e) {
            if self.few.len() < 32 {
                self.few.push(e);
            } else {
                self.many.extend(self.few.drain(..));
                self.many.insert(e);
            }
        }
    }
}

/// Person titles that, written right before a surname, mark it as that person's (`Defence
/// Secretary Austin`, `President Yoon`, `Mr. Peskov`). Lower case, as in normalised text.
pub fn is_person_title(w: &str) -> bool {
    matches!(
        w,
        "adm"
            | "admiral"
            | "ambassador"
            | "ayatollah"
            | "brig"
            | "capt"
            | "captain"
            | "chair"
            | "chairman"
            | "chairwoman"
            | "chancellor"
            | "chief"
            | "col"
            | "colonel"
            | "commander"
            | "congressman"
            | "congresswoman"
            | "dr"
            | "envoy"
            | "gen"
            | "general"
            | "gov"
            | "governor"
            | "judge"
            | "justice"
            | "king"
            | "leader"
            | "lt"
            | "maj"
            | "major"
            | "mayor"
            | "minister"
            | "mr"
            | "mrs"
            | "ms"
            | "pm"
            | "pope"
            | "premier"
            | "president"
            | "prince"
            | "princess"
            | "prof"
            | "professor"
            | "prosecutor"
            | "queen"
            | "rep"
            | "representative"
            | "secretary"
            | "sen"
            | "senator"
            | "sheikh"
            | "speaker"
            | "spokesman"
            | "spokesperson"
            | "spokeswoman"
            | "sultan"
    )
}

/// The person title written right before `pos` of the folded text `t` (one space before `pos`,
/// an abbreviation's dot skipped), folded and without its dot. A dot after a whole word ends a
/// sentence: `a leader. He said` has no title before `He`.
pub(super) fn title_before(t: &[u8], pos: usize) -> Option<&str> {
    let mut end = pos;
    if end == 0 || t[end - 1] != b' ' {
        return None;
    }
    end -= 1;
    let dot = end > 0 && t[end - 1] == b'.';
    if dot {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && t[start - 1].is_ascii_alphabetic() {
        start -= 1;
    }
    if start == end || (start > 0 && t[start - 1].is_ascii_alphanumeric()) {
        return None;
    }
    std::str::from_utf8(&t[start..end])
        .ok()
        .filter(|w| is_person_title(w) && (!dot || is_abbreviated_title(w)))
}

/// Does the title `w` (folded, no dot) name the office of `role`, so that the title and a
/// surname stand for that person before the full name appears: `Sen.` a member of the Senate,
/// `Rep.` a US Representative, `Chancellor` a chancellor. A courtesy title (`Mr`, `Dr`) names
/// no office.
pub(super) fn title_fits_role(w: &str, role: &str) -> bool {
    let heads: &[&str] = match w {
        "sen" | "senator" => &["senate", "senator"],
        "rep" | "representative" | "congressman" | "congresswoman" => {
            &["representative", "representatives", "congress"]
        }
        "gov" | "governor" => &["governor"],
        "pm" | "premier" => &["prime", "premier"],
        "mr" | "mrs" | "ms" | "dr" | "prof" | "professor" | "chief" | "leader" | "spokesman"
        | "spokeswoman" | "spokesperson" => return false,
        other => return title_fit(role, &[other.to_string()]) > 0,
    };
    let role = role.to_lowercase();
    role.split(|c: char| !c.is_alphanumeric())
        .any(|r| heads.contains(&r))
}

/// The titles written as abbreviations with a dot (`Sen.`, `Gen.`, `Mr.`).
fn is_abbreviated_title(w: &str) -> bool {
    matches!(
        w,
        "adm"
            | "brig"
            | "capt"
            | "col"
            | "dr"
            | "gen"
            | "gov"
            | "lt"
            | "maj"
            | "mr"
            | "mrs"
            | "ms"
            | "pm"
            | "prof"
            | "rep"
            | "sen"
    )
}

/// The words written right before byte `start` that may form a title (`South Korean Defence
/// Minister` before `Kim`), nearest first, lower case: capitalised words, or title words in any
/// case, separated by single spaces; at most five.
pub(super) fn title_words(text: &str, start: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut end = start;
    while out.len() < 5 {
        let before = &text[..end];
        let Some(b) = before.strip_suffix(' ') else {
            break;
        };
        let b = b.strip_suffix('.').unwrap_or(b); // `Gen. Kim`
        let w_start = b
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphabetic() || c == '-')
            .last()
            .map_or(b.len(), |(i, _)| i);
        let w = &b[w_start..];
        if w.is_empty() {
            break;
        }
        let lw = w.to_lowercase();
        if !(w.starts_with(char::is_uppercase) || is_person_title(&lw)) {
            break;
        }
        out.push(lw);
        end = w_start;
    }
    out
}

/// How well a candidate's `role` fits the title written before its mention: 0 unless the
/// title's head word (`minister`, `leader`) is in the role, else one more for each other word
/// of the title that is (`defence`, `foreign`; British and American spellings alike).
pub(super) fn title_fit(role: &str, words: &[String]) -> usize {
    let Some(head) = words.first().filter(|h| is_person_title(h)) else {
        return 0;
    };
    let role = role.to_lowercase().replace("defense", "defence");
    let has = |w: &str| {
        let w = w.replace("defense", "defence");
        role.split(|c: char| !c.is_alphanumeric()).any(|r| r == w)
    };
    if !has(head) {
        return 0;
    }
    1 + words[1..].iter().filter(|w| has(w)).count()
}

/// Settles ambiguous mentions by the document: a candidate whose `role` fits the title written
/// before the mention (`Defence Minister Kim`), else a candidate named elsewhere in the document
/// without ambiguity, else one in a country the document otherwise mentions, wins when it is the
/// only one that does. When several fit as well, the first of them in the gazetteer's order is
/// taken and `ambiguous` stays set.
pub(super) fn resolve_by_context(mentions: &mut [Mention], store: &Store, text: &str) {
    if !mentions.iter().any(|m| m.ambiguous) {
        return;
    }
    let mut sure: HashSet<u32> = HashSet::new();
    let mut countries: HashSet<std::borrow::Cow<'_, str>> = HashSet::new();
    for m in mentions.iter().filter(|m| !m.ambiguous) {
        // Each entity's country once, however often it is mentioned.
        if sure.insert(m.entity) {
            if let Some(c) = store.get(m.entity as usize).country() {
                countries.insert(c);
            }
        }
    }
    for m in mentions.iter_mut().filter(|m| m.ambiguous) {
        let words = title_words(text, m.span.byte_start);
        let score = |e: u32| -> usize {
            let ent = store.get(e as usize);
            let role = ent.role();
            let fit = role.map_or(0, |r| title_fit(r, &words));
            if fit > 0 {
                10 + fit
            } else if sure.contains(&e) {
                2
            } else if ent.country().is_some_and(|c| countries.contains(&c)) {
                1
            } else {
                0
            }
        };
        let scores: Vec<usize> = m.candidates.iter().map(|&e| score(e)).collect();
        let best = scores.iter().copied().max().unwrap_or(0);
        if best > 0 {
            // The best of the candidates that fit best (they are in the gazetteer's order);
            // still ambiguous when several fit as well (`LSU` in a US document: two US
            // universities, the first of them taken).
            let tied = scores.iter().filter(|&&s| s == best).count();
            let k = scores.iter().position(|&s| s == best).unwrap_or(0);
            m.entity = m.candidates[k];
            let mut ranked: Vec<(usize, u32)> = scores
                .into_iter()
                .zip(m.candidates.iter().copied())
                .collect();
            ranked.sort_by_key(|&(s, _)| std::cmp::Reverse(s));
            m.candidates = ranked.into_iter().map(|(_, e)| e).collect();
            m.ambiguous = tied > 1;
        }
    }
}
