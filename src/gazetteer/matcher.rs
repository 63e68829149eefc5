//! The compiled matcher: one Aho-Corasick automaton over the normalised aliases, walked anchored
//! from word starts only, so word boundaries are part of the matching rather than a filter over
//! every hit.
//!
//! At each position where a word (or a non-word alias character) may begin, the automaton is
//! walked with an anchored start until it dies; every match state whose pattern ends at a word
//! boundary is a candidate end. Leftmost-longest then takes the longest end whose candidates pass
//! their case policy and the surname rule, and the scan resumes after it.

use std::collections::HashMap;

use rayon::prelude::*;

use aho_corasick::automaton::Automaton;
use aho_corasick::{dfa, Anchored, MatchKind, StartKind};

use super::context::{resolve_by_context, title_before, title_fits_role, Seen};
use super::model::{CasePolicy, Form, GazetteerOptions, MatchOptions, Mention};
use super::start_filter::StartFilter;
use super::store::Store;
use super::trie::PrefixTrie;
use crate::error::{Error, ErrorKind, Result};
use crate::text::normalize::normalize_str;
use crate::text::swar::skip_ascii_word;
use crate::text::{is_word_char, NormOptions, NormText};

/// A case policy resolved for one alias.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Case {
    Exact(u32),
    Capitalized,
    Tolerant,
    Insensitive,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CaseKind {
    Exact,
    Capitalized,
    Tolerant,
    Insensitive,
}

/// One entity's claim on a pattern (12 bytes: a million of them fit in 12 MB).
#[derive(Clone, Copy, Debug)]
struct Candidate {
    entity: u32,
    /// Index into `Compiled::exact` for exact-case aliases.
    exact: u32,
    form: Form,
    kind: CaseKind,
}

impl Candidate {
    #[inline]
    fn case(&self) -> Case {
        match self.kind {
            CaseKind::Exact => Case::Exact(self.exact),
            CaseKind::Capitalized => Case::Capitalized,
            CaseKind::Tolerant => Case::Tolerant,
            CaseKind::Insensitive => Case::Insensitive,
        }
    }
}

/// High bit of a `pat_cands` entry: the pattern ends with a word character, so the text must
/// not continue the word after it.
const WORD_END: u32 = 1 << 31;

#[derive(Debug)]
enum Auto {
    Dfa(Box<dfa::DFA>),
    Trie(PrefixTrie),
}

impl Auto {
    fn build(patterns: &[&str]) -> Result<Auto> {
        let total: usize = patterns.iter().map(|p| p.len()).sum();
        let err = |e: aho_corasick::BuildError| Error::new(ErrorKind::Gazetteer, e.to_string());
        if total <= DFA_LIMIT_BYTES {
            let dfa = dfa::Builder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .prefilter(false)
                .build(patterns)
                .map_err(err)?;
            // Patterns with many distinct bytes make wide DFA rows; past the cap a tree is the
            // better trade.
            if dfa.memory_usage() <= DFA_MAX_MEMORY {
                return Ok(Auto::Dfa(Box::new(dfa)));
            }
        }
        Ok(Auto::Trie(PrefixTrie::new(patterns)))
    }

    fn memory_usage(&self) -> usize {
        match self {
            Auto::Dfa(d) => d.memory_usage(),
            Auto::Trie(t) => t.memory_usage(),
        }
    }
}

/// One automaton over the patterns that start with some set of bytes. Large gazetteers are split
/// into shards by first byte so that the shards build in parallel; a walk from a text position
/// needs only the shard of the byte there.
#[derive(Debug)]
struct Shard {
    auto: Auto,
    /// Index of the shard's first pattern in `Compiled::pats`.
    base: u32,
}

/// A shard with up to this many pattern bytes gets a DFA (fast, and two threads walk it without
/// contending); a larger one a prefix tree ([`PrefixTrie`]: 5-10x smaller, built in one pass).
const DFA_LIMIT_BYTES: usize = 200_000;
/// Gazetteers with up to this many pattern bytes are split into DFA-sized shards (the DFAs take
/// 10-75 bytes a pattern byte; shards whose first-byte bucket is too big get a tree); larger
/// ones into tree shards. The Wikidata-linked default (3.8 MB of patterns) is cut this way into
/// 14 shards of 200-470 KB, all trees (a DFA that size would pass `DFA_MAX_MEMORY`). Real-name
/// gazetteers of 100k aliases get DFAs for most shards: on real news they match 1.3-1.6x faster
/// than trees of the same shards (bench/results/builds-2026-12-03.md).
const DFA_GAZETTEER_BYTES: usize = 6_000_000;
/// Target size of a DFA shard.
const DFA_SHARD_BYTES: usize = 200_000;
/// A DFA shard larger than this is rebuilt as a tree.
const DFA_MAX_MEMORY: usize = 16 << 20;
/// Target size of a tree shard (large gazetteers, built in parallel).
const SHARD_BYTES: usize = 2_000_000;
const NO_SHARD: u8 = u8::MAX;

#[derive(Debug)]
pub(crate) struct Compiled {
    shards: Vec<Shard>,
    /// For each byte, the shard holding the patterns that start with it.
    shard_of: [u8; 256],
    /// For pattern `p`, its candidates are `cands[pat_cands[p] .. pat_cands[p + 1]]` (high bit
    /// masked off); one entry more than there are patterns.
    pat_cands: Vec<u32>,
    cands: Vec<Candidate>,
    exact: Vec<Box<str>>,
    case_norm: NormOptions,
    /// Entities whose `prominent` attribute is true: their surname alone stands for them when
    /// no other entity claims it (`Putin`, not `Kim`).
    prominent: Vec<u32>,
    /// Rejects, from its first bytes, most positions where no pattern can start, before any
    /// automaton state is read.
    starts: StartFilter,
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

/// One alias on its way into the tables.
struct Entry {
    /// The normalised alias: a span of the keys arena.
    key: (u32, u32),
    priority: i64,
    entity: u32,
    order: u32,
    form: Form,
    policy: CasePolicy,
    alias: u32,
}

impl Compiled {
    pub(crate) fn build(store: &Store, options: GazetteerOptions) -> Result<Compiled> {
        let norm = options.norm();
        let case_norm = NormOptions {
            fold_case: false,
            ..norm
        };
        if store.len() > u32::MAX as usize / 2 {
            return Err(Error::new(ErrorKind::Gazetteer, "too many entities"));
        }
        // Normalise every alias into one arena (one allocation instead of one per alias, so the
        // build leaves no fragmented heap behind), then sort so that equal keys are adjacent,
        // best candidate first, and patterns with the same first byte are contiguous.
        let n_aliases: usize = store.iter().map(|e| e.alias_count()).sum();
        if n_aliases >= WORD_END as usize {
            return Err(Error::new(
                ErrorKind::Gazetteer,
                "more than 2 billion aliases",
            ));
        }
        let mut arena = String::new();
        let mut entries: Vec<Entry> = Vec::with_capacity(n_aliases);
        for (ei, e) in store.iter().enumerate() {
            for (ai, a) in e.aliases().enumerate() {
                let start = arena.len();
                // Trimmed after normalisation: an invisible character at an alias's edge
                // (`\u{200e} Seoul`) is dropped there and must not leave a space behind.
                let n = normalize_str(a.text, norm);
                let n = n.trim_matches(|c| c == ' ' || c == '\n');
                if n.is_empty() {
                    continue;
                }
                arena.push_str(n);
                if arena.len() > u32::MAX as usize {
                    return Err(Error::new(
                        ErrorKind::Gazetteer,
                        "normalised aliases exceed 4 GiB",
                    ));
                }
                entries.push(Entry {
                    key: (start as u32, (arena.len() - start) as u32),
                    priority: e.priority(),
                    entity: ei as u32,
                    order: entries.len() as u32,
                    form: a.form,
                    policy: resolve_case(a.case, a.form, a.text),
                    alias: ai as u32,
                });
            }
        }
        let key = |e: &Entry| &arena[e.key.0 as usize..(e.key.0 + e.key.1) as usize];
        entries.par_sort_unstable_by(|a, b| {
            key(a)
                .cmp(key(b))
                .then(b.priority.cmp(&a.priority))
                .then(a.order.cmp(&b.order))
        });
        let mut patterns: Vec<&str> = Vec::new();
        let mut pat_cands: Vec<u32> = Vec::new();
        let mut cands: Vec<Candidate> = Vec::with_capacity(entries.len());
        let mut exact: Vec<Box<str>> = Vec::new();
        let mut exact_ids: HashMap<String, u32> = HashMap::new();
        let mut group_start = 0usize;
        for e in entries.iter() {
            let k = key(e);
            if patterns.last() != Some(&k) {
                group_start = cands.len();
                let word_end = k.chars().next_back().is_some_and(is_word_char);
                pat_cands.push(cands.len() as u32 | if word_end { WORD_END } else { 0 });
                patterns.push(k);
            }
            // One entity claiming one pattern twice in the same form adds nothing.
            if cands[group_start..]
                .iter()
                .any(|c| c.entity == e.entity && c.form == e.form)
            {
                continue;
            }
            let (kind, exact_id) = match e.policy {
                CasePolicy::Exact => {
                    let text = store.get(e.entity as usize).alias(e.alias as usize).text;
                    let s = normalize_str(text, case_norm);
                    let s = s.trim_matches(|c| c == ' ' || c == '\n').to_string();
                    let next = exact.len() as u32;
                    let id = *exact_ids.entry(s.clone()).or_insert(next);
                    if id == next {
                        exact.push(s.into_boxed_str());
                    }
                    (CaseKind::Exact, id)
                }
                CasePolicy::Capitalized => (CaseKind::Capitalized, 0),
                CasePolicy::Tolerant => (CaseKind::Tolerant, 0),
                CasePolicy::Insensitive | CasePolicy::Auto => (CaseKind::Insensitive, 0),
            };
            cands.push(Candidate {
                entity: e.entity,
                exact: exact_id,
                form: e.form,
                kind,
            });
        }
        pat_cands.push(cands.len() as u32);
        drop(entries);
        // Split into shards at first-byte boundaries, then build them in parallel.
        let total: usize = patterns.iter().map(|p| p.len()).sum();
        let n_shards = if total <= DFA_GAZETTEER_BYTES {
            total.div_ceil(DFA_SHARD_BYTES).clamp(1, 32)
        } else {
            total.div_ceil(SHARD_BYTES).clamp(1, 8)
        };
        let target = total.div_ceil(n_shards).max(1);
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        let mut start = 0usize;
        let mut acc = 0usize;
        for (i, p) in patterns.iter().enumerate() {
            let first = p.as_bytes().first().copied();
            let boundary = i > start && first != patterns[i - 1].as_bytes().first().copied();
            if boundary && acc >= target && ranges.len() + 1 < n_shards {
                ranges.push((start, i));
                start = i;
                acc = 0;
            }
            acc += p.len();
        }
        if start < patterns.len() || ranges.is_empty() {
            ranges.push((start, patterns.len()));
        }
        let autos: Vec<Result<Auto>> = ranges
            .par_iter()
            .map(|&(a, b)| Auto::build(&patterns[a..b]))
            .collect();
        let mut shards = Vec::with_capacity(ranges.len());
        let mut shard_of = [NO_SHARD; 256];
        for (si, (auto, &(a, b))) in autos.into_iter().zip(&ranges).enumerate() {
            for p in &patterns[a..b] {
                if let Some(&fb) = p.as_bytes().first() {
                    shard_of[fb as usize] = si as u8;
                }
            }
            shards.push(Shard {
                auto: auto?,
                base: a as u32,
            });
        }
        // Patterns are sorted, so those of one first word (ASCII letters and digits) mostly
        // follow each other: counting the changes estimates the distinct first words.
        fn first_word(p: &str) -> &[u8] {
            let b = p.as_bytes();
            &b[..b
                .iter()
                .position(|c| !c.is_ascii_alphanumeric())
                .unwrap_or(b.len())]
        }
        let first_words = 1 + patterns
            .windows(2)
            .filter(|w| first_word(w[0]) != first_word(w[1]))
            .count();
        let mut starts = StartFilter::new(patterns.len(), first_words);
        for (k, p) in patterns.iter().enumerate() {
            let lo = (pat_cands[k] & !WORD_END) as usize;
            let hi = (pat_cands[k + 1] & !WORD_END) as usize;
            let lower_ok = cands[lo..hi].iter().any(|c| match c.kind {
                CaseKind::Insensitive | CaseKind::Tolerant => true,
                CaseKind::Capitalized => false,
                CaseKind::Exact => exact[c.exact as usize]
                    .bytes()
                    .next()
                    .is_none_or(|b| !b.is_ascii_uppercase()),
            });
            starts.add(p.as_bytes(), lower_ok);
        }
        let prominent: Vec<u32> = store
            .iter()
            .filter(|e| {
                e.attributes()
                    .get("prominent")
                    .is_some_and(|v| v.as_bool() == Some(true))
            })
            .map(|e| e.index() as u32)
            .collect();
        Ok(Compiled {
            shards,
            shard_of,
            pat_cands,
            cands,
            exact,
            case_norm,
            prominent,
            starts,
        })
    }

    pub(crate) fn memory_usage(&self) -> usize {
        let auto: usize = self.shards.iter().map(|s| s.auto.memory_usage()).sum();
        auto + self.starts.memory_usage()
            + self.pat_cands.capacity() * 4
            + self.cands.capacity() * std::mem::size_of::<Candidate>()
            + self.exact.iter().map(|s| s.len() + 16).sum::<usize>()
    }

    /// Does pattern `global`, matched up to `end`, end where the text's word does (or need it
    /// not, ending in a non-word character)?
    #[inline]
    fn ends_word(&self, t: &[u8], end: usize, global: u32) -> bool {
        self.pat_cands[global as usize] & WORD_END == 0 || !next_is_word(t, end)
    }

    /// Collects `(end, pattern)` for every pattern that matches at `pos` and ends at a word
    /// boundary, shortest first.
    #[inline]
    fn ends_at<A: Automaton>(
        &self,
        a: &A,
        base: u32,
        t: &[u8],
        pos: usize,
        ends: &mut Vec<(usize, u32)>,
    ) {
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
                        let global = base + pid.as_u32();
                        if self.ends_word(t, j + 1, global) {
                            ends.push((j + 1, global));
                        }
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
    /// `titled(e)`: a title that fits entity `e` stands right before the match (`Sen.` before a
    /// senator's surname, any title before a prominent person's), which lets a surname stand
    /// for its person even before the full name appeared.
    fn choose(
        &self,
        pid: u32,
        surface: &str,
        seen: &Seen,
        titled: &dyn Fn(u32) -> bool,
        out: &mut Vec<(u32, Form)>,
    ) {
        out.clear();
        let lo = (self.pat_cands[pid as usize] & !WORD_END) as usize;
        let hi = (self.pat_cands[pid as usize + 1] & !WORD_END) as usize;
        let cands = &self.cands[lo..hi];
        let seen_or_titled = |e: u32| seen.contains(e) || titled(e);
        if let [c] = cands {
            // The common case: one entity claims the alias. A prominent person's surname that
            // nothing else claims stands alone.
            let usable = c.form != Form::Surname
                || seen_or_titled(c.entity)
                || self.prominent.binary_search(&c.entity).is_ok();
            if usable && self.case_ok(c.case(), surface) {
                out.push((c.entity, c.form));
            }
            return;
        }
        let mut any_surname = false;
        for c in cands {
            let usable = c.form != Form::Surname || seen_or_titled(c.entity);
            if !usable || (any_surname && c.form != Form::Surname) {
                continue;
            }
            if (any_surname || c.form != Form::Surname) && out.iter().any(|(e, _)| *e == c.entity) {
                continue; // this entity already matched by an earlier (better) form
            }
            if !self.case_ok(c.case(), surface) {
                continue;
            }
            if c.form == Form::Surname && !any_surname {
                // A surname of an entity already named beats every other reading.
                out.clear();
                any_surname = true;
            }
            out.push((c.entity, c.form));
        }
        if out.len() > 1 {
            // A candidate whose alias matched in its exact case (`NIS` the acronym) beats ones
            // that merely allow the case (`Nis` the city written in capitals).
            let exact: Vec<(u32, Form)> = out
                .iter()
                .copied()
                .filter(|&(e, f)| {
                    cands
                        .iter()
                        .any(|c| c.entity == e && c.form == f && matches!(c.kind, CaseKind::Exact))
                })
                .collect();
            if !exact.is_empty() && exact.len() < out.len() {
                *out = exact;
            }
            // Entities already mentioned in this document come first.
            out.sort_by_key(|(e, _)| !seen.contains(*e));
        }
    }

    /// The first position at or after `pos` where a pattern may start: at a word start or a
    /// non-word character, with first bytes that pass the start filter (`prev_word`: a word
    /// character stands before `pos`). A tight loop of its own, where the scan spends most of
    /// its time.
    #[inline]
    fn next_start(
        &self,
        t: &[u8],
        pos: usize,
        prev_word: bool,
        lower_at: &impl Fn(usize) -> bool,
    ) -> Option<usize> {
        #[cfg(test)]
        if UNFILTERED.with(|u| u.get()) {
            return self.next_start_unfiltered(t, pos, prev_word);
        }
        self.next_start_filtered(t, pos, prev_word, lower_at)
    }

    /// Every position where an alias may start by the word rule alone: what the filters must
    /// agree with (tests only).
    #[cfg(test)]
    fn next_start_unfiltered(
        &self,
        t: &[u8],
        mut pos: usize,
        mut prev_word: bool,
    ) -> Option<usize> {
        while pos < t.len() {
            let word = next_is_word(t, pos);
            if (!prev_word || !word) && self.shard_of[t[pos] as usize] != NO_SHARD {
                return Some(pos);
            }
            prev_word = word;
            pos += match t[pos] {
                0xF0..=0xFF => 4,
                0xE0..=0xEF => 3,
                0xC0..=0xDF => 2,
                _ => 1,
            };
        }
        None
    }

    #[inline]
    fn next_start_filtered(
        &self,
        t: &[u8],
        mut pos: usize,
        mut prev_word: bool,
        lower_at: &impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let n = t.len();
        while pos < n {
            let b = t[pos];
            let (word, len) = if b < 0x80 {
                let w = ASCII_WORD[b as usize];
                if w {
                    // Inside a word no alias can start; at a word's start, only one whose first
                    // word this is. Either way the rest of the ASCII word is skipped.
                    let end = skip_ascii_word(t, pos + 1);
                    if !prev_word {
                        let word = self.starts.may_start_word(&t[pos..end], || lower_at(pos));
                        if word
                            .is_some_and(|(i, low)| self.starts.may_continue(t, pos, end, i, low))
                            && self.starts.may_start(t, pos)
                        {
                            return Some(pos);
                        }
                    }
                    prev_word = true;
                    pos = end;
                    continue;
                }
                (w, 1)
            } else {
                let width = match b {
                    0xF0..=0xFF => 4,
                    0xE0..=0xEF => 3,
                    _ => 2,
                };
                (next_is_word(t, pos), width)
            };
            if (!prev_word || !word) && self.starts.may_start(t, pos) {
                return Some(pos);
            }
            prev_word = word;
            pos += len;
        }
        None
    }

    pub(crate) fn scan(
        &self,
        text: &str,
        norm: &NormText,
        store: &Store,
        opts: MatchOptions,
    ) -> Vec<Mention> {
        let t = norm.as_str().as_bytes();
        let mut out = Vec::new();
        let mut seen = Seen::default();
        let mut ends = Vec::new();
        let mut chosen = Vec::new();
        let mut pos = 0usize;
        let mut prev_word = false;
        let src = text.as_bytes();
        // Is the original character at normalised position `p` a lower-case ASCII letter? The
        // positions asked only grow, so the offset map is walked forward, not searched.
        let cursor = std::cell::Cell::new(0usize);
        let lower_at = |p: usize| {
            let mut k = cursor.get();
            let b = norm.original_byte(p, &mut k);
            cursor.set(k);
            src.get(b).is_some_and(u8::is_ascii_lowercase)
        };
        while let Some(at) = self.next_start(t, pos, prev_word, &lower_at) {
            pos = at;
            let b = t[pos];
            let (cur_word, clen) = if b < 0x80 {
                (ASCII_WORD[b as usize], 1)
            } else {
                let ch = norm.as_str()[pos..].chars().next().unwrap_or(' ');
                (is_word_char(ch), ch.len_utf8())
            };
            let shard = self.shard_of[b as usize];
            if shard != NO_SHARD {
                let sh = &self.shards[shard as usize];
                match &sh.auto {
                    Auto::Dfa(a) => self.ends_at(&**a, sh.base, t, pos, &mut ends),
                    Auto::Trie(a) => {
                        ends.clear();
                        a.walk(t, pos, |end, pid| {
                            let global = sh.base + pid;
                            if self.ends_word(t, end, global) {
                                ends.push((end, global));
                            }
                        });
                    }
                }
                let mut matched_end = None;
                for &(end, pid) in ends.iter().rev() {
                    let span = norm.to_original(pos, end);
                    let surface = &text[span.byte_start..span.byte_end];
                    // On one line: a headline's last word is no title (`a president\nHow`).
                    // Nor is it a surname when a name word follows (`Gen. William Caldwell`:
                    // a given name), and a courtesy title (`Mr Baron`) does not make any MP
                    // of that surname the person meant: only a prominent one, or one whose
                    // office the title names.
                    let titled = |e: u32| {
                        span.byte_start > 0
                            && text.as_bytes()[span.byte_start - 1] == b' '
                            && !name_word_follows(text, span.byte_end)
                            && title_before(t, pos).is_some_and(|w| {
                                self.prominent.binary_search(&e).is_ok()
                                    || store
                                        .get(e as usize)
                                        .role()
                                        .is_some_and(|r| title_fits_role(w, r))
                            })
                    };
                    self.choose(pid, surface, &seen, &titled, &mut chosen);
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
                        ambiguous: chosen.len() > 1,
                        local: None,
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
        resolve_by_context(&mut out, store, text);
        out
    }
}

#[cfg(test)]
thread_local! {
    /// Tests set this to scan with no start filter, to compare with the filtered scan.
    pub(crate) static UNFILTERED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// ASCII letters and digits, by byte.
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Does a capitalised word follow byte `end` of `text` after one space (`William` in `Gen.
/// William Caldwell` is a given name, not a surname)?
fn name_word_follows(text: &str, end: usize) -> bool {
    text.get(end..)
        .and_then(|r| r.strip_prefix(' '))
        .and_then(|r| r.chars().next())
        .is_some_and(|c| c.is_uppercase() || is_titlecase(c))
}

/// Titlecase digraphs (`ǅ`) count as capitals.
fn is_titlecase(c: char) -> bool {
    matches!(c, '\u{01C5}' | '\u{01C8}' | '\u{01CB}' | '\u{01F2}')
}

#[inline]
fn next_is_word(t: &[u8], pos: usize) -> bool {
    match t.get(pos) {
        None => false,
        Some(&b) if b < 0x80 => ASCII_WORD[b as usize],
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
