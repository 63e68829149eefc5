//! The compiled matcher: one Aho-Corasick automaton over the normalised aliases, walked anchored
//! from word starts only, so word boundaries are part of the matching rather than a filter over
//! every hit.
//!
//! At each position where a word (or a non-word alias character) may begin, the automaton is
//! walked with an anchored start until it dies; every match state whose pattern ends at a word
//! boundary is a candidate end. Leftmost-longest then takes the longest end whose candidates pass
//! their case policy and the surname rule, and the scan resumes after it.

use std::collections::{HashMap, HashSet};

use aho_corasick::automaton::Automaton;
use aho_corasick::{dfa, nfa::contiguous, Anchored, MatchKind, StartKind};

use super::{CasePolicy, Entity, Form, GazetteerOptions};
use crate::error::{Error, ErrorKind, Result};
use crate::text::normalize::{normalize_str, OrigSpan};
use crate::text::{is_word_char, NormOptions, NormText};

/// Options for one search.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MatchOptions {
    /// Return all matches, overlapping ones included, instead of leftmost-longest.
    pub overlapping: bool,
}

/// One mention of an entity in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Span in the original text, characters and bytes.
    pub span: OrigSpan,
    /// Index of the entity in the gazetteer.
    pub entity: u32,
    /// The form of the alias that matched.
    pub form: Form,
    /// Every entity the alias may stand for, best first, when more than one does.
    pub candidates: Vec<u32>,
}

/// A case policy resolved for one alias.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Case {
    Exact(u32),
    Capitalized,
    Tolerant,
    Insensitive,
}

#[derive(Clone, Copy, Debug)]
struct Cand {
    entity: u32,
    form: Form,
    case: Case,
}

#[derive(Clone, Copy, Debug)]
struct PatInfo {
    cand_start: u32,
    cand_end: u32,
    /// The pattern ends with a word character: the text must not continue the word.
    word_end: bool,
}

#[derive(Debug)]
enum Auto {
    Dfa(dfa::DFA),
    Nfa(contiguous::NFA),
}

/// Patterns up to this many bytes in total get a DFA (fast, larger); beyond, a contiguous NFA.
const DFA_LIMIT_BYTES: usize = 200_000;

#[derive(Debug)]
pub(crate) struct Compiled {
    auto: Auto,
    pats: Vec<PatInfo>,
    cands: Vec<Cand>,
    exact: Vec<Box<str>>,
    /// Bytes that can begin a pattern.
    first_byte: [bool; 256],
    norm: NormOptions,
    case_norm: NormOptions,
}

fn resolve_case(policy: CasePolicy, form: Form, text: &str) -> CasePolicy {
    if policy != CasePolicy::Auto {
        return policy;
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let has_upper = letters.iter().any(|c| c.is_uppercase());
    let all_upper = !letters.is_empty() && letters.iter().all(|c| c.is_uppercase());
    let multi_word = text.split_whitespace().nth(1).is_some();
    if form == Form::Acronym || (all_upper && (letters.len() >= 2 || !multi_word)) {
        return CasePolicy::Exact;
    }
    if multi_word {
        return if has_upper {
            CasePolicy::Tolerant
        } else {
            CasePolicy::Insensitive
        };
    }
    match letters.first() {
        Some(c) if c.is_uppercase() && !letters[1..].iter().any(|c| c.is_uppercase()) => {
            CasePolicy::Capitalized
        }
        Some(_) if has_upper => CasePolicy::Exact,
        Some(_) => CasePolicy::Insensitive,
        None => CasePolicy::Exact,
    }
}

impl Compiled {
    pub(crate) fn build(entities: &[Entity], options: GazetteerOptions) -> Result<Compiled> {
        let norm = options.norm();
        let case_norm = NormOptions {
            fold_case: false,
            ..norm
        };
        let mut pat_ids: HashMap<String, u32> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut per_pat: Vec<Vec<(i64, usize, Cand)>> = Vec::new();
        let mut exact: Vec<Box<str>> = Vec::new();
        let mut exact_ids: HashMap<String, u32> = HashMap::new();
        let mut order = 0usize;
        for (ei, e) in entities.iter().enumerate() {
            let mut mine: HashSet<(u32, Form)> = HashSet::new();
            for a in &e.aliases {
                let key = normalize_str(&a.text, norm);
                let pid = match pat_ids.get(&key) {
                    Some(&p) => p,
                    None => {
                        let p = u32::try_from(patterns.len()).map_err(|_| {
                            Error::new(ErrorKind::Gazetteer, "more than 4 billion aliases")
                        })?;
                        pat_ids.insert(key.clone(), p);
                        patterns.push(key);
                        per_pat.push(Vec::new());
                        p
                    }
                };
                if !mine.insert((pid, a.form)) {
                    continue;
                }
                let case = match resolve_case(a.case, a.form, &a.text) {
                    CasePolicy::Exact => {
                        let s = normalize_str(&a.text, case_norm);
                        let next = exact.len() as u32;
                        let id = *exact_ids.entry(s.clone()).or_insert(next);
                        if id == next {
                            exact.push(s.into_boxed_str());
                        }
                        Case::Exact(id)
                    }
                    CasePolicy::Capitalized => Case::Capitalized,
                    CasePolicy::Tolerant => Case::Tolerant,
                    CasePolicy::Insensitive | CasePolicy::Auto => Case::Insensitive,
                };
                per_pat[pid as usize].push((
                    e.priority,
                    order,
                    Cand {
                        entity: ei as u32,
                        form: a.form,
                        case,
                    },
                ));
                order += 1;
            }
        }
        drop(pat_ids);
        drop(exact_ids);
        let mut pats = Vec::with_capacity(patterns.len());
        let mut cands = Vec::with_capacity(order);
        let mut first_byte = [false; 256];
        let mut total_bytes = 0usize;
        for (p, mut cs) in patterns.iter().zip(per_pat) {
            cs.sort_by_key(|&(prio, ord, _)| (std::cmp::Reverse(prio), ord));
            let start = cands.len() as u32;
            cands.extend(cs.into_iter().map(|(_, _, c)| c));
            pats.push(PatInfo {
                cand_start: start,
                cand_end: cands.len() as u32,
                word_end: p.chars().next_back().is_some_and(is_word_char),
            });
            if let Some(&b) = p.as_bytes().first() {
                first_byte[b as usize] = true;
            }
            total_bytes += p.len();
        }
        let auto = if total_bytes <= DFA_LIMIT_BYTES {
            Auto::Dfa(
                dfa::Builder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .start_kind(StartKind::Anchored)
                    .prefilter(false)
                    .build(&patterns)
                    .map_err(|e| Error::new(ErrorKind::Gazetteer, e.to_string()))?,
            )
        } else {
            Auto::Nfa(
                contiguous::Builder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .prefilter(false)
                    .build(&patterns)
                    .map_err(|e| Error::new(ErrorKind::Gazetteer, e.to_string()))?,
            )
        };
        Ok(Compiled {
            auto,
            pats,
            cands,
            exact,
            first_byte,
            norm,
            case_norm,
        })
    }

    pub(crate) fn memory_usage(&self) -> usize {
        let auto = match &self.auto {
            Auto::Dfa(d) => d.memory_usage(),
            Auto::Nfa(n) => n.memory_usage(),
        };
        auto + self.pats.capacity() * std::mem::size_of::<PatInfo>()
            + self.cands.capacity() * std::mem::size_of::<Cand>()
            + self.exact.iter().map(|s| s.len() + 16).sum::<usize>()
    }

    pub(crate) fn find(
        &self,
        text: &str,
        entities: &[Entity],
        opts: MatchOptions,
    ) -> Result<Vec<Mention>> {
        let norm = NormText::new(text, self.norm)?;
        Ok(match &self.auto {
            Auto::Dfa(a) => self.scan(a, text, &norm, entities, opts),
            Auto::Nfa(a) => self.scan(a, text, &norm, entities, opts),
        })
    }

    /// Collects `(end, pattern)` for every pattern that matches at `pos` and ends at a word
    /// boundary, shortest first.
    #[inline]
    fn ends_at<A: Automaton>(&self, a: &A, t: &[u8], pos: usize, ends: &mut Vec<(usize, u32)>) {
        ends.clear();
        let Ok(mut sid) = a.start_state(Anchored::Yes) else {
            return;
        };
        for (j, &b) in t.iter().enumerate().skip(pos) {
            sid = a.next_state(Anchored::Yes, sid, b);
            if a.is_special(sid) {
                if a.is_dead(sid) {
                    break;
                }
                if a.is_match(sid) {
                    let depth = j + 1 - pos;
                    for k in 0..a.match_len(sid) {
                        let pid = a.match_pattern(sid, k);
                        if a.pattern_len(pid) != depth {
                            continue;
                        }
                        let info = self.pats[pid.as_usize()];
                        if info.word_end && next_is_word(t, j + 1) {
                            continue;
                        }
                        ends.push((j + 1, pid.as_u32()));
                    }
                }
            }
        }
    }

    fn case_ok(&self, case: Case, surface: &str) -> bool {
        match case {
            Case::Insensitive => true,
            Case::Exact(i) => normalize_str(surface, self.case_norm) == *self.exact[i as usize],
            Case::Capitalized => surface
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(|c| c.is_uppercase() || is_titlecase(c)),
            Case::Tolerant => surface.chars().any(|c| c.is_uppercase()),
        }
    }

    /// The entities a match may stand for, best first; empty when none passes.
    fn choose(&self, pid: u32, surface: &str, seen: &HashSet<u32>, out: &mut Vec<(u32, Form)>) {
        out.clear();
        let info = self.pats[pid as usize];
        let cands = &self.cands[info.cand_start as usize..info.cand_end as usize];
        let passing = cands.iter().filter(|c| self.case_ok(c.case, surface));
        let mut surnames: Vec<(u32, Form)> = Vec::new();
        let mut others: Vec<(u32, Form)> = Vec::new();
        for c in passing {
            if c.form == Form::Surname {
                if seen.contains(&c.entity) {
                    surnames.push((c.entity, c.form));
                }
            } else {
                others.push((c.entity, c.form));
            }
        }
        let mut chosen = if surnames.is_empty() {
            others
        } else {
            surnames
        };
        // Entities already mentioned in this document come first.
        chosen.sort_by_key(|(e, _)| !seen.contains(e));
        let mut uniq = HashSet::new();
        chosen.retain(|(e, _)| uniq.insert(*e));
        *out = chosen;
    }

    fn scan<A: Automaton>(
        &self,
        a: &A,
        text: &str,
        norm: &NormText,
        _entities: &[Entity],
        opts: MatchOptions,
    ) -> Vec<Mention> {
        let t = norm.as_str().as_bytes();
        let mut out = Vec::new();
        let mut seen: HashSet<u32> = HashSet::new();
        let mut ends = Vec::new();
        let mut chosen = Vec::new();
        let mut pos = 0usize;
        let mut prev_word = false;
        while pos < t.len() {
            let b = t[pos];
            let (cur_word, clen) = if b < 0x80 {
                (b.is_ascii_alphanumeric(), 1)
            } else {
                let ch = norm.as_str()[pos..].chars().next().unwrap_or(' ');
                (is_word_char(ch), ch.len_utf8())
            };
            if (!prev_word || !cur_word) && self.first_byte[b as usize] {
                self.ends_at(a, t, pos, &mut ends);
                let mut matched_end = None;
                for &(end, pid) in ends.iter().rev() {
                    let span = norm.to_original(pos, end);
                    let surface = &text[span.byte_start..span.byte_end];
                    self.choose(pid, surface, &seen, &mut chosen);
                    if chosen.is_empty() {
                        continue;
                    }
                    let (entity, form) = chosen[0];
                    for &(e, f) in &chosen {
                        if f != Form::Surname {
                            seen.insert(e);
                        }
                    }
                    out.push(Mention {
                        span,
                        entity,
                        form,
                        candidates: if chosen.len() > 1 {
                            chosen.iter().map(|c| c.0).collect()
                        } else {
                            Vec::new()
                        },
                    });
                    if !opts.overlapping {
                        matched_end = Some(end);
                        break;
                    }
                }
                if let Some(end) = matched_end {
                    prev_word = prev_is_word(t, end);
                    pos = end;
                    continue;
                }
            }
            prev_word = cur_word;
            pos += clen;
        }
        if opts.overlapping {
            out.sort_by_key(|m| (m.span.char_start, std::cmp::Reverse(m.span.char_end)));
        }
        out
    }
}

/// Titlecase digraphs (`ǅ`) count as capitals.
fn is_titlecase(c: char) -> bool {
    matches!(c, '\u{01C5}' | '\u{01C8}' | '\u{01CB}' | '\u{01F2}')
}

#[inline]
fn next_is_word(t: &[u8], pos: usize) -> bool {
    match t.get(pos) {
        None => false,
        Some(&b) if b < 0x80 => b.is_ascii_alphanumeric(),
        Some(&b) => {
            let width = match b {
                0xF0..=0xFF => 4,
                0xE0..=0xEF => 3,
                _ => 2,
            };
            let end = std::cmp::min(t.len(), pos + width);
            std::str::from_utf8(&t[pos..end])
                .ok()
                .and_then(|s| s.chars().next())
                .is_some_and(is_word_char)
        }
    }
}

#[inline]
fn prev_is_word(t: &[u8], pos: usize) -> bool {
    if pos == 0 {
        return false;
    }
    let b = t[pos - 1];
    if b < 0x80 {
        return b.is_ascii_alphanumeric();
    }
    let mut s = pos - 1;
    while s > 0 && (t[s] & 0xC0) == 0x80 {
        s -= 1;
    }
    std::str::from_utf8(&t[s..pos])
        .ok()
        .and_then(|x| x.chars().next())
        .is_some_and(is_word_char)
}
