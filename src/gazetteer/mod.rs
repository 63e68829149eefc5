//! Gazetteer: entities with their aliases, and the compiled matcher.
//!
//! An entity has an id, a canonical name, a kind (`person`, `org`, `place`, or any user kind),
//! aliases and free attributes. Records are JSON objects (the Python binding converts dicts):
//!
//! ```
//! use wirescan::gazetteer::Gazetteer;
//! use serde_json::json;
//! let g = Gazetteer::from_records(
//!     vec![json!({"id": "Q3505", "name": "Lloyd Austin", "kind": "person",
//!                 "aliases": ["Lloyd J. Austin"], "country": "US"})],
//!     Default::default(),
//! ).unwrap();
//! assert_eq!(g.len(), 1);
//! assert_eq!(g.entity(0).attributes()["country"], "US");
//! ```

mod context;
mod matcher;
mod model;
mod record;
mod start_filter;
mod store;
mod trie;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use rayon::prelude::*;
use serde_json::Value;

use crate::error::{Error, Result};
use crate::text::is_word_char;
use crate::text::normalize::normalize_str;

pub use context::is_person_title;
use matcher::Compiled;
pub use model::{
    Alias, Ambiguity, CasePolicy, Described, Entity, Form, GazetteerOptions, LocalEntity,
    MatchOptions, Mention, OnConflict,
};
use store::Store;
pub use store::{AliasRef, EntityRef};

/// A set of entities and the automaton that finds them.
#[derive(Debug)]
pub struct Gazetteer {
    store: Store,
    /// Entity indices sorted by id (a binary-searchable index that does not copy the ids).
    by_id: Vec<u32>,
    options: GazetteerOptions,
    compiled: OnceLock<Compiled>,
    /// Lower-case surname -> the people who have it, built on first use.
    surnames: OnceLock<std::collections::HashMap<Box<str>, Vec<u32>>>,
    /// `former_id` attribute -> entity, built on the first lookup of an unknown id.
    former: OnceLock<HashMap<Box<str>, u32>>,
    /// `(country, state_code)` -> the first-level region with that code, built on first use.
    states: OnceLock<HashMap<StateKey, u32>>,
}

/// The length of the company suffix that `rest` (the text after an organisation's name)
/// starts with, or 0: `General Electric Co.`, `Target Corp.`, `Shell plc` are the company's
/// name as written.
fn corporate_suffix(rest: &str) -> usize {
    const SUFFIXES: [&str; 11] = [
        " Inc.", " Inc", " Corp.", " Corp", " Co.", " Ltd.", " Ltd", " LLC", " PLC", " plc", " AG",
    ];
    for s in SUFFIXES {
        if let Some(after) = rest.strip_prefix(s) {
            let next = after.chars().next();
            if next.is_none_or(|c| !c.is_alphanumeric() && c != '-' && c != '&') {
                return s.len();
            }
        }
    }
    0
}

/// A first-level region's country and code (`US`, `AL`).
type StateKey = (Box<str>, Box<str>);

impl Clone for Gazetteer {
    fn clone(&self) -> Self {
        Gazetteer {
            store: self.store.clone(),
            by_id: self.by_id.clone(),
            options: self.options,
            compiled: OnceLock::new(),
            surnames: OnceLock::new(),
            former: OnceLock::new(),
            states: OnceLock::new(),
        }
    }
}

impl Gazetteer {
    /// Builds a gazetteer from records. Fails on the first malformed record, on duplicate ids and
    /// on aliases that normalise to nothing; the error names the record.
    pub fn from_records<I>(records: I, options: GazetteerOptions) -> Result<Gazetteer>
    where
        I: IntoIterator<Item = Value>,
    {
        let records: Vec<Value> = records.into_iter().collect();
        let pool = crate::runtime::thread_pool(0)?;
        // Parsed in parallel; the error reported is always the first bad record's.
        let parsed: Vec<Result<Entity>> = pool.install(|| {
            records
                .into_par_iter()
                .enumerate()
                .map(|(idx, rec)| Entity::from_record(rec, idx, &options))
                .collect()
        });
        let entities = parsed.into_iter().collect::<Result<Vec<Entity>>>()?;
        Gazetteer::from_entities(entities, options)
    }

    /// Builds a gazetteer from entities, checking ids and aliases.
    pub fn from_entities(entities: Vec<Entity>, options: GazetteerOptions) -> Result<Gazetteer> {
        if entities.len() > u32::MAX as usize / 2 {
            return Err(Error::gazetteer(None, "too many entities"));
        }
        for (idx, e) in entities.iter().enumerate() {
            for a in &e.aliases {
                if !a.text.chars().any(is_word_char) {
                    return Err(Error::gazetteer(
                        Some(idx),
                        format!(
                            "entity {:?}: alias {:?} has no letters or digits once normalised",
                            e.id, a.text
                        ),
                    ));
                }
            }
        }
        let mut by_id: Vec<u32> = (0..entities.len() as u32).collect();
        // On wirescan's own pool: the global rayon pool would start threads the caller never
        // asked for.
        crate::runtime::thread_pool(0)?.install(|| {
            by_id.par_sort_unstable_by(|&a, &b| {
                entities[a as usize]
                    .id
                    .cmp(&entities[b as usize].id)
                    .then(a.cmp(&b))
            })
        });
        if let Some(w) = by_id
            .windows(2)
            .find(|w| entities[w[0] as usize].id == entities[w[1] as usize].id)
        {
            let (first, dup) = (w[0] as usize, w[1] as usize);
            return Err(Error::gazetteer(
                Some(dup),
                format!(
                    "duplicate id {:?} (first defined by record {first})",
                    entities[dup].id
                ),
            ));
        }
        let store = Store::from_entities(entities)?;
        Ok(Gazetteer {
            store,
            by_id,
            options,
            compiled: OnceLock::new(),
            surnames: OnceLock::new(),
            former: OnceLock::new(),
            states: OnceLock::new(),
        })
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.store.len()
    }

    /// True when there are no entities.
    pub fn is_empty(&self) -> bool {
        self.store.len() == 0
    }

    /// The entity at `index` (the index mentions carry).
    pub fn entity(&self, index: usize) -> EntityRef<'_> {
        self.store.get(index)
    }

    /// All entities, in definition order.
    pub fn entities(&self) -> impl ExactSizeIterator<Item = EntityRef<'_>> + '_ {
        self.store.iter()
    }

    /// The entity with this id.
    /// An entity's id from an earlier version of its source (its `former_id` attribute: the
    /// default gazetteer's `iso:KP` is now `Q423`) finds it too, unless an entity has that id.
    pub fn get(&self, id: &str) -> Option<EntityRef<'_>> {
        if let Ok(k) = self
            .by_id
            .binary_search_by(|&i| self.store.get(i as usize).id().cmp(id))
        {
            return Some(self.store.get(self.by_id[k] as usize));
        }
        let former = self.former.get_or_init(|| {
            let mut m = HashMap::new();
            for e in self.store.iter() {
                if let Some(f) = e.str_attribute("former_id") {
                    m.entry(f.into()).or_insert(e.index() as u32);
                }
            }
            m
        });
        former.get(id).map(|&i| self.store.get(i as usize))
    }

    /// The options the gazetteer was built with.
    pub fn options(&self) -> GazetteerOptions {
        self.options
    }

    /// Number of aliases over all entities (surnames included).
    pub fn alias_count(&self) -> usize {
        self.entities().map(|e| e.alias_count()).sum()
    }

    /// Heap bytes of the entity definitions (ids, names, aliases, attributes excepted).
    pub fn definition_memory(&self) -> usize {
        self.store.heap_bytes() + self.by_id.capacity() * 4
    }

    /// This gazetteer and `other` in one: `other`'s entities follow ours.
    pub fn merge(&self, other: &Gazetteer, on_conflict: OnConflict) -> Result<Gazetteer> {
        let mut entities: Vec<Entity> = self.entities().map(|e| e.to_entity()).collect();
        let mut index: HashMap<String, usize> = HashMap::with_capacity(entities.len());
        for (i, e) in entities.iter().enumerate() {
            index.insert(e.id.clone(), i);
        }
        for e in other.entities() {
            match index.get(e.id()) {
                Some(&i) => match on_conflict {
                    OnConflict::Error => {
                        return Err(Error::gazetteer(
                            None,
                            format!(
                                "both gazetteers define id {:?}; pass on_conflict=\"replace\" or \"keep\"",
                                e.id()
                            ),
                        ))
                    }
                    OnConflict::Replace => entities[i] = e.to_entity(),
                    OnConflict::Keep => {}
                },
                None => {
                    index.insert(e.id().to_string(), entities.len());
                    entities.push(e.to_entity());
                }
            }
        }
        drop(index);
        Gazetteer::from_entities(entities, self.options)
    }

    /// A copy without the entities whose id is in `ids` or whose kind is in `kinds`.
    pub fn exclude(&self, ids: &[String], kinds: &[String]) -> Result<Gazetteer> {
        let ids: HashSet<&str> = ids.iter().map(|s| s.as_str()).collect();
        let kinds: HashSet<&str> = kinds.iter().map(|s| s.as_str()).collect();
        let entities = self
            .entities()
            .filter(|e| !ids.contains(e.id()) && !kinds.contains(e.kind()))
            .map(|e| e.to_entity())
            .collect();
        Gazetteer::from_entities(entities, self.options)
    }

    /// Normalised aliases claimed by more than one entity (they match with `ambiguous` set).
    pub fn ambiguities(&self) -> Vec<Ambiguity> {
        let norm = self.options.norm();
        let mut claims: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, e) in self.entities().enumerate() {
            for a in e.aliases().filter(|a| a.form != Form::Surname) {
                let key = normalize_str(a.text, norm);
                let v = claims
                    .entry(key.trim_matches(|c| c == ' ' || c == '\n').to_string())
                    .or_default();
                if v.last() != Some(&i) {
                    v.push(i);
                }
            }
        }
        claims
            .into_iter()
            .filter(|(_, v)| v.len() > 1)
            .map(|(alias, mut v)| {
                v.sort_by_key(|&i| std::cmp::Reverse(self.entity(i).priority()));
                Ambiguity {
                    alias,
                    ids: v.iter().map(|&i| self.entity(i).id().to_string()).collect(),
                }
            })
            .collect()
    }

    /// The compiled matcher, built on first use.
    pub(crate) fn compiled(&self) -> Result<&Compiled> {
        if let Some(c) = self.compiled.get() {
            return Ok(c);
        }
        let pool = crate::runtime::thread_pool(0)?;
        let c = pool.install(|| Compiled::build(&self.store, self.options))?;
        Ok(self.compiled.get_or_init(|| c))
    }

    /// Builds the automaton now rather than on first use.
    pub fn compile(&self) -> Result<()> {
        self.compiled().map(|_| ())
    }

    /// Whether the automaton is built.
    pub fn is_compiled(&self) -> bool {
        self.compiled.get().is_some()
    }

    /// Heap bytes held by the compiled matcher (0 before it is built).
    pub fn automaton_memory(&self) -> usize {
        self.compiled.get().map_or(0, |c| c.memory_usage())
    }

    /// The people (entity indices) with `word` as a surname alias, compared in lower case.
    pub fn people_with_surname(&self, word: &str) -> &[u32] {
        let map = self.surnames.get_or_init(|| {
            let mut m: std::collections::HashMap<Box<str>, Vec<u32>> = Default::default();
            for e in self.entities() {
                for a in e.aliases() {
                    if a.form == Form::Surname {
                        let v = m.entry(a.text.to_lowercase().into_boxed_str()).or_default();
                        if v.last() != Some(&(e.index() as u32)) {
                            v.push(e.index() as u32);
                        }
                    }
                }
            }
            m
        });
        map.get(word.to_lowercase().as_str())
            .map_or(&[], Vec::as_slice)
    }

    /// Finds mentions in `text`, with offsets into `text` in bytes and characters.
    pub fn find(&self, text: &str, opts: MatchOptions) -> Result<Vec<Mention>> {
        let norm = crate::text::NormText::new(text, self.options.norm())?;
        self.find_in(text, &norm, opts)
    }

    /// As [`Gazetteer::find`], given `text` normalised with this gazetteer's options.
    pub fn find_in(
        &self,
        text: &str,
        norm: &crate::text::NormText,
        opts: MatchOptions,
    ) -> Result<Vec<Mention>> {
        let mut found = self.compiled()?.scan(text, norm, &self.store, opts);
        // An alias written with its article (`the Fed`, so that the verb `fed` never matches)
        // matches with it, but the mention is the name: `Fed`. Names whose article is part of
        // them (`The Hague`, `The Economist`) keep it.
        for m in &mut found {
            let surface = &text[m.span.byte_start..m.span.byte_end];
            // A capitalised `The` is written as part of the name (`The Associated Press`, `The
            // Home Depot`), as annotators count it; a lower-case one is not.
            let Some(rest) = surface.strip_prefix("the ") else {
                continue;
            };
            let name = self.store.get(m.entity as usize).name();
            if name.starts_with("The ") || name.starts_with("the ") || rest.is_empty() {
                continue;
            }
            m.span.byte_start += 4;
            m.span.char_start += 4;
        }
        for m in &mut found {
            let ends = corporate_suffix(&text[m.span.byte_end..]);
            if ends > 0 && self.store.get(m.entity as usize).kind() == "org" {
                m.span.char_end += text[m.span.byte_end..m.span.byte_end + ends]
                    .chars()
                    .count();
                m.span.byte_end += ends;
            }
        }
        let mut found = self.split_town_and_state(text, found);
        self.the_north_and_the_south(text, &mut found);
        Ok(found)
    }

    /// `the North` and `the South` in a document that names both Koreas are North and South
    /// Korea (`the North's move`), as Korea reporting writes them; not `the North Atlantic`.
    fn the_north_and_the_south(&self, text: &str, found: &mut Vec<Mention>) {
        let index = |ids: [&str; 2]| {
            ids.iter()
                .find_map(|id| self.get(id))
                .map(|e| e.index() as u32)
        };
        let (Some(north), Some(south)) = (index(["Q423", "iso:KP"]), index(["Q884", "iso:KR"]))
        else {
            return;
        };
        let named = |e: u32| found.iter().any(|m| m.local.is_none() && m.entity == e);
        if !named(north) || !named(south) {
            return;
        }
        // Mentions by start, with the furthest end so far: a hit overlaps a mention when one
        // starting before its end ends after its start (linear, whatever the options).
        let mut spans: Vec<(usize, usize)> = found
            .iter()
            .map(|m| (m.span.byte_start, m.span.byte_end))
            .collect();
        spans.sort_unstable();
        let mut reach = Vec::with_capacity(spans.len());
        let mut far = 0;
        for &(_, e) in &spans {
            far = far.max(e);
            reach.push(far);
        }
        let mut hits: Vec<(usize, usize, u32)> = Vec::new();
        for (word, entity) in [("North", north), ("South", south)] {
            for (at, _) in text.match_indices(word) {
                let before = &text[..at];
                let Some(head) = before
                    .strip_suffix("the ")
                    .or_else(|| before.strip_suffix("The "))
                else {
                    continue;
                };
                if head.chars().next_back().is_some_and(char::is_alphanumeric) {
                    continue;
                }
                let end = at + word.len();
                let mut rest = text[end..].chars();
                match rest.next() {
                    Some(c) if c.is_alphanumeric() || c == '-' => continue,
                    Some(' ') if rest.next().is_some_and(char::is_uppercase) => continue,
                    _ => {}
                }
                let k = spans.partition_point(|&(s, _)| s < end);
                if k > 0 && reach[k - 1] > at {
                    continue;
                }
                hits.push((at, end, entity));
            }
        }
        if hits.is_empty() {
            return;
        }
        hits.sort_unstable();
        let (mut byte, mut chars) = (0, 0);
        for (at, end, entity) in hits {
            chars += text[byte..at].chars().count();
            byte = at;
            found.push(Mention {
                span: crate::text::normalize::OrigSpan {
                    char_start: chars,
                    char_end: chars + (end - at),
                    byte_start: at,
                    byte_end: end,
                },
                entity,
                form: Form::Alias,
                candidates: Vec::new(),
                ambiguous: false,
                local: None,
            });
        }
        found.sort_by_key(|m| (m.span.byte_start, m.span.byte_end));
    }

    /// The first-level region of `country` whose `state_code` is `code` (`US`, `AL`: Alabama).
    fn state(&self, country: &str, code: &str) -> Option<u32> {
        let map = self.states.get_or_init(|| {
            let mut m = HashMap::new();
            for e in self.entities() {
                if e.str_attribute("feature") != Some("admin1") {
                    continue;
                }
                if let (Some(c), Some(code)) = (e.country(), e.str_attribute("state_code")) {
                    m.entry((c.into_owned().into_boxed_str(), code.into()))
                        .or_insert(e.index() as u32);
                }
            }
            m
        });
        map.get(&(Box::from(country), Box::from(code))).copied()
    }

    /// A town matched with its state (`Tuscaloosa, Ala.`, the alias that lets a small town
    /// match at all) is two mentions: the town and the state, as every reader and annotator
    /// counts them.
    fn split_town_and_state(&self, text: &str, found: Vec<Mention>) -> Vec<Mention> {
        let has_comma =
            |m: &Mention| text.as_bytes()[m.span.byte_start..m.span.byte_end].contains(&b',');
        if !found.iter().any(has_comma) {
            return found; // most documents: no copy
        }
        let mut out: Vec<Mention> = Vec::with_capacity(found.len());
        for m in found {
            let surface = &text[m.span.byte_start..m.span.byte_end];
            let Some(comma) = surface.rfind(',') else {
                out.push(m);
                continue;
            };
            let tail = surface[comma + 1..].trim_start();
            let tail_at = surface.len() - tail.len();
            let e = self.store.get(m.entity as usize);
            let state = match (e.country(), e.str_attribute("state_code")) {
                (Some(c), Some(code)) if m.local.is_none() && tail_at > comma + 1 => {
                    self.state(&c, code)
                }
                _ => None,
            };
            let Some(state) = state.filter(|&s| s != m.entity && !tail.is_empty()) else {
                out.push(m);
                continue;
            };
            let head_chars = surface[..comma].chars().count();
            let tail_chars = surface[..tail_at].chars().count();
            let state_name = self.store.get(state as usize).name();
            let mut town = m.clone();
            town.span.byte_end = m.span.byte_start + comma;
            town.span.char_end = m.span.char_start + head_chars;
            if surface[..comma].eq_ignore_ascii_case(e.name()) {
                town.form = Form::Name;
            }
            let st = Mention {
                span: crate::text::normalize::OrigSpan {
                    char_start: m.span.char_start + tail_chars,
                    char_end: m.span.char_end,
                    byte_start: m.span.byte_start + tail_at,
                    byte_end: m.span.byte_end,
                },
                entity: state,
                form: if tail.eq_ignore_ascii_case(state_name) {
                    Form::Name
                } else {
                    Form::Alias
                },
                candidates: Vec::new(),
                ambiguous: false,
                local: None,
            };
            out.push(town);
            out.push(st);
        }
        out
    }
}

#[cfg(test)]
mod tests;
