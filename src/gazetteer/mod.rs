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

mod matcher;
mod store;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use rayon::prelude::*;
use serde_json::{Map, Value};

use crate::error::{Error, ErrorKind, Result};
use crate::text::normalize::normalize_str;
use crate::text::{is_word_char, NormOptions};

use matcher::Compiled;
pub use matcher::{MatchOptions, Mention};
use store::Store;
pub use store::{AliasRef, EntityRef};

/// How an alias relates to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Form {
    /// The canonical name.
    Name,
    /// Another name or spelling.
    Alias,
    /// An abbreviation made of initials (`NIS`, `DPRK`).
    Acronym,
    /// A word for the people or things of a place (`North Korean`).
    Demonym,
    /// A family name that stands for a person once the full name has appeared in the document.
    Surname,
}

impl Form {
    /// The form's name as used in records and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Name => "name",
            Form::Alias => "alias",
            Form::Acronym => "acronym",
            Form::Demonym => "demonym",
            Form::Surname => "surname",
        }
    }

    fn parse(s: &str) -> Option<Form> {
        Some(match s {
            "name" => Form::Name,
            "alias" => Form::Alias,
            "acronym" => Form::Acronym,
            "demonym" => Form::Demonym,
            "surname" => Form::Surname,
            _ => return None,
        })
    }
}

/// When an alias matches, by the case of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CasePolicy {
    /// Decide from the alias: acronyms exact, single capitalised words capitalised, other
    /// single words exact, multi-word names tolerant.
    Auto,
    /// The text must have the alias's exact case (`US` does not match `us`).
    Exact,
    /// The text's first letter must be upper case (`Nice`, `NICE`, not `nice`).
    Capitalized,
    /// Any case but all lower case (`LLoyd Austin`, `LLOYD AUSTIN`, not `lloyd austin`).
    Tolerant,
    /// Any case at all.
    Insensitive,
}

impl CasePolicy {
    /// The policy's name as used in records.
    pub fn as_str(self) -> &'static str {
        match self {
            CasePolicy::Auto => "auto",
            CasePolicy::Exact => "exact",
            CasePolicy::Capitalized => "capitalized",
            CasePolicy::Tolerant => "tolerant",
            CasePolicy::Insensitive => "insensitive",
        }
    }

    fn parse(s: &str) -> Option<CasePolicy> {
        Some(match s {
            "auto" => CasePolicy::Auto,
            "exact" => CasePolicy::Exact,
            "capitalized" | "capitalised" => CasePolicy::Capitalized,
            "tolerant" => CasePolicy::Tolerant,
            "insensitive" => CasePolicy::Insensitive,
            _ => return None,
        })
    }
}

/// One alias of an entity.
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// The alias as written in the gazetteer.
    pub text: String,
    /// Its form.
    pub form: Form,
    /// Its case policy.
    pub case: CasePolicy,
}

/// An entity of the gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Unique id (a Wikidata id where there is one).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Kind: `person`, `org`, `place`, or any user kind.
    pub kind: String,
    /// Aliases; the canonical name is the first, with form [`Form::Name`].
    pub aliases: Vec<Alias>,
    /// Free attributes (country, coordinates, wikidata id, ...).
    pub attributes: Map<String, Value>,
    /// Higher wins when several entities claim one alias (default 0).
    pub priority: i64,
}

/// Options that shape a gazetteer's matching.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GazetteerOptions {
    /// Normalisation strips Latin diacritics (`São` matches `Sao`).
    pub strip_diacritics: bool,
    /// A person without an explicit `surnames` field gets the last word of each multi-word name
    /// as a surname (words of fewer than three letters and suffixes such as `Jr.` excepted).
    pub auto_surnames: bool,
}

impl Default for GazetteerOptions {
    fn default() -> Self {
        GazetteerOptions {
            strip_diacritics: true,
            auto_surnames: true,
        }
    }
}

impl GazetteerOptions {
    /// The normalisation options for matching.
    pub fn norm(&self) -> NormOptions {
        NormOptions {
            fold_case: true,
            strip_diacritics: self.strip_diacritics,
        }
    }
}

/// One normalised alias claimed by more than one entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ambiguity {
    /// The alias, normalised.
    pub alias: String,
    /// The ids of the entities that claim it, in priority order.
    pub ids: Vec<String>,
}

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
}

impl Clone for Gazetteer {
    fn clone(&self) -> Self {
        Gazetteer {
            store: self.store.clone(),
            by_id: self.by_id.clone(),
            options: self.options,
            compiled: OnceLock::new(),
            surnames: OnceLock::new(),
        }
    }
}

/// What to do when two merged gazetteers share an id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnConflict {
    /// Fail with an error naming the id.
    Error,
    /// The other gazetteer's entity replaces ours.
    Replace,
    /// Ours stays; the other's is skipped.
    Keep,
}

impl OnConflict {
    /// Parses `error`, `replace` or `keep`.
    pub fn parse(s: &str) -> Result<OnConflict> {
        Ok(match s {
            "error" => OnConflict::Error,
            "replace" => OnConflict::Replace,
            "keep" => OnConflict::Keep,
            _ => {
                return Err(Error::new(
                    ErrorKind::Option,
                    format!("on_conflict must be 'error', 'replace' or 'keep', not {s:?}"),
                ))
            }
        })
    }
}

const SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"];

fn looks_like_acronym(alias: &str) -> bool {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty()
        && letters.iter().all(|c| c.is_uppercase())
        && (letters.len() >= 2 || alias.chars().any(|c| c.is_ascii_digit()))
        && !alias.contains(' ')
}

/// Takes a string field out of a record (a number is read as its text).
fn take_str(rec: &mut Map<String, Value>, key: &str, idx: usize) -> Result<Option<String>> {
    match rec.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(other) => Err(Error::gazetteer(
            Some(idx),
            format!("field {key:?} must be a string, not {}", json_type(&other)),
        )),
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Parses a case policy field (`None`/null is `auto`); `what` names the field in errors.
/// Parses a case policy; `what` names the field in an error (made only when there is one).
fn parse_case(v: Option<&Value>, what: &dyn Fn() -> String, idx: usize) -> Result<CasePolicy> {
    match v {
        None | Some(Value::Null) => Ok(CasePolicy::Auto),
        Some(Value::String(c)) => CasePolicy::parse(c).ok_or_else(|| {
            Error::gazetteer(
                Some(idx),
                format!(
                    "{}: unknown case policy {c:?} (expected auto, exact, capitalized, \
                     tolerant or insensitive)",
                    what()
                ),
            )
        }),
        Some(other) => Err(Error::gazetteer(
            Some(idx),
            format!(
                "{}: case must be a string, not {}",
                what(),
                json_type(other)
            ),
        )),
    }
}

/// Parses an alias list: a list of strings or alias objects, or one string with `|` separators.
fn parse_alias_list(
    v: Option<&Value>,
    key: &str,
    default_form: Option<Form>,
    idx: usize,
    out: &mut Vec<Alias>,
) -> Result<()> {
    let split: Vec<Value>;
    let items: &[Value] = match v {
        None | Some(Value::Null) => return Ok(()),
        Some(Value::String(s)) => {
            if s.trim().is_empty() {
                return Ok(());
            }
            split = s.split('|').map(|p| Value::String(p.to_string())).collect();
            &split
        }
        Some(Value::Array(a)) => a,
        Some(other) => {
            return Err(Error::gazetteer(
                Some(idx),
                format!(
                    "field {key:?} must be a list or a '|'-separated string, not {}",
                    json_type(other)
                ),
            ))
        }
    };
    for (k, item) in items.iter().enumerate() {
        let (text, form, case) = match item {
            Value::String(s) => (s.clone(), None, CasePolicy::Auto),
            Value::Object(o) => {
                let text = match o.get("text") {
                    Some(Value::String(s)) => s.clone(),
                    _ => {
                        return Err(Error::gazetteer(
                            Some(idx),
                            format!("{key}[{k}]: an alias object needs a string field \"text\""),
                        ))
                    }
                };
                let form = match o.get("form") {
                    None | Some(Value::Null) => None,
                    Some(Value::String(f)) => Some(Form::parse(f).ok_or_else(|| {
                        Error::gazetteer(
                            Some(idx),
                            format!(
                                "{key}[{k}]: unknown form {f:?} (expected name, alias, acronym, \
                                 demonym or surname)"
                            ),
                        )
                    })?),
                    Some(other) => {
                        return Err(Error::gazetteer(
                            Some(idx),
                            format!(
                                "{key}[{k}]: form must be a string, not {}",
                                json_type(other)
                            ),
                        ))
                    }
                };
                let case = parse_case(o.get("case"), &|| format!("{key}[{k}]"), idx)?;
                (text, form, case)
            }
            other => {
                return Err(Error::gazetteer(
                    Some(idx),
                    format!(
                        "{key}[{k}] must be a string or an alias object, not {}",
                        json_type(other)
                    ),
                ))
            }
        };
        if text.trim().is_empty() {
            return Err(Error::gazetteer(
                Some(idx),
                format!("{key}[{k}] is empty or whitespace only"),
            ));
        }
        let form = form
            .or(default_form)
            .unwrap_or(if looks_like_acronym(&text) {
                Form::Acronym
            } else {
                Form::Alias
            });
        out.push(Alias {
            text: text.trim().to_string(),
            form,
            case,
        });
    }
    Ok(())
}

impl Entity {
    /// Builds an entity from one record; `idx` is the record's position, for error messages.
    /// The record is consumed: its strings move into the entity, and the fields that are not
    /// `id`, `name`, `kind`, alias lists, `priority`, `case` or `name_case` become the attributes
    /// without being copied.
    pub fn from_record(rec: Value, idx: usize, opts: &GazetteerOptions) -> Result<Entity> {
        let mut obj = match rec {
            Value::Object(o) => o,
            other => {
                return Err(Error::gazetteer(
                    Some(idx),
                    format!("a record must be an object, not {}", json_type(&other)),
                ))
            }
        };
        let id = take_str(&mut obj, "id", idx)?.unwrap_or_default();
        if id.trim().is_empty() {
            return Err(Error::gazetteer(Some(idx), "missing or empty \"id\""));
        }
        let name = take_str(&mut obj, "name", idx)?.unwrap_or_default();
        if name.trim().is_empty() {
            return Err(Error::gazetteer(
                Some(idx),
                format!("entity {id:?}: missing or empty \"name\""),
            ));
        }
        let kind = take_str(&mut obj, "kind", idx)?.unwrap_or_default();
        if kind.trim().is_empty() {
            return Err(Error::gazetteer(
                Some(idx),
                format!("entity {id:?}: missing or empty \"kind\" (person, org, place, ...)"),
            ));
        }
        let priority = match obj.get("priority") {
            None | Some(Value::Null) => 0,
            Some(Value::Number(n)) => match (n.as_i64(), n.as_f64()) {
                (Some(i), _) => i,
                // An integral float, as pandas writes an int column that has a missing value.
                (None, Some(f)) if f.fract() == 0.0 && f.abs() < 9.0e15 => f as i64,
                _ => {
                    return Err(Error::gazetteer(
                        Some(idx),
                        format!("entity {id:?}: priority must be an integer, not {n}"),
                    ))
                }
            },
            Some(Value::String(s)) if s.trim().is_empty() => 0,
            Some(Value::String(s)) => s.trim().parse::<i64>().map_err(|_| {
                Error::gazetteer(
                    Some(idx),
                    format!("entity {id:?}: priority must be an integer, not {s:?}"),
                )
            })?,
            Some(other) => {
                return Err(Error::gazetteer(
                    Some(idx),
                    format!(
                        "entity {id:?}: priority must be an integer, not {}",
                        json_type(other)
                    ),
                ))
            }
        };
        let entity_case = parse_case(obj.get("case"), &|| format!("entity {id:?}"), idx)?;
        let name_case = parse_case(
            obj.get("name_case"),
            &|| format!("entity {id:?}: name_case"),
            idx,
        )?;
        let mut aliases = vec![Alias {
            text: name.trim().to_string(),
            form: Form::Name,
            case: name_case,
        }];
        let with_id =
            |e: Error| Error::gazetteer(e.record(), format!("entity {id:?}: {}", e.message()));
        parse_alias_list(obj.get("aliases"), "aliases", None, idx, &mut aliases)
            .map_err(with_id)?;
        parse_alias_list(
            obj.get("acronyms"),
            "acronyms",
            Some(Form::Acronym),
            idx,
            &mut aliases,
        )
        .map_err(with_id)?;
        parse_alias_list(
            obj.get("demonyms"),
            "demonyms",
            Some(Form::Demonym),
            idx,
            &mut aliases,
        )
        .map_err(with_id)?;
        let explicit_surnames = obj.contains_key("surnames");
        parse_alias_list(
            obj.get("surnames"),
            "surnames",
            Some(Form::Surname),
            idx,
            &mut aliases,
        )
        .map_err(with_id)?;
        if opts.auto_surnames && kind == "person" && !explicit_surnames {
            let mut derived = Vec::new();
            for a in aliases
                .iter()
                .filter(|a| matches!(a.form, Form::Name | Form::Alias))
            {
                let words: Vec<&str> = a.text.split_whitespace().collect();
                if words.len() < 2 {
                    continue;
                }
                let mut last = words[words.len() - 1];
                if SUFFIXES.contains(&last.to_lowercase().as_str()) && words.len() >= 3 {
                    last = words[words.len() - 2];
                }
                let last = last.trim_end_matches(',');
                if last.chars().filter(|c| c.is_alphabetic()).count() >= 3
                    && !SUFFIXES.contains(&last.to_lowercase().as_str())
                {
                    derived.push(Alias {
                        text: last.to_string(),
                        form: Form::Surname,
                        case: CasePolicy::Auto,
                    });
                }
            }
            aliases.extend(derived);
        }
        // An entity-level case policy applies to every alias that does not set its own.
        if entity_case != CasePolicy::Auto {
            for a in aliases.iter_mut().filter(|a| a.case == CasePolicy::Auto) {
                a.case = entity_case;
            }
        }
        // Drop exact repeats (same text and form); they add nothing.
        let mut k = 1;
        while k < aliases.len() {
            let (head, tail) = aliases.split_at(k);
            if head
                .iter()
                .any(|a| a.form == tail[0].form && a.text == tail[0].text)
            {
                aliases.remove(k);
            } else {
                k += 1;
            }
        }
        let nested = obj.remove("attributes");
        for key in [
            "aliases",
            "acronyms",
            "demonyms",
            "surnames",
            "priority",
            "case",
            "name_case",
        ] {
            obj.remove(key);
        }
        let mut attributes = obj;
        match nested {
            None | Some(Value::Null) => {}
            Some(Value::Object(o)) => attributes.extend(o),
            Some(other) => {
                return Err(Error::gazetteer(
                    Some(idx),
                    format!(
                        "entity {id:?}: \"attributes\" must be an object, not {}",
                        json_type(&other)
                    ),
                ))
            }
        }
        Ok(Entity {
            id: id.trim().to_string(),
            name: name.trim().to_string(),
            kind: kind.trim().to_string(),
            aliases,
            attributes,
            priority,
        })
    }

    /// The entity as a record that [`Entity::from_record`] reads back to an equal entity.
    pub fn to_record(&self) -> Value {
        let mut o = Map::new();
        o.insert("id".into(), Value::String(self.id.clone()));
        o.insert("name".into(), Value::String(self.name.clone()));
        o.insert("kind".into(), Value::String(self.kind.clone()));
        if let Some(first) = self.aliases.first() {
            if first.case != CasePolicy::Auto {
                o.insert(
                    "name_case".into(),
                    Value::String(first.case.as_str().into()),
                );
            }
        }
        let aliases: Vec<Value> = self
            .aliases
            .iter()
            .skip(1)
            .filter(|a| a.form != Form::Surname)
            .map(alias_value)
            .collect();
        o.insert("aliases".into(), Value::Array(aliases));
        let surnames: Vec<Value> = self
            .aliases
            .iter()
            .filter(|a| a.form == Form::Surname)
            .map(alias_value)
            .collect();
        o.insert("surnames".into(), Value::Array(surnames));
        if self.priority != 0 {
            o.insert("priority".into(), Value::from(self.priority));
        }
        if !self.attributes.is_empty() {
            o.insert("attributes".into(), Value::Object(self.attributes.clone()));
        }
        Value::Object(o)
    }
}

fn alias_value(a: &Alias) -> Value {
    let mut o = Map::new();
    o.insert("text".into(), Value::String(a.text.clone()));
    o.insert("form".into(), Value::String(a.form.as_str().into()));
    if a.case != CasePolicy::Auto {
        o.insert("case".into(), Value::String(a.case.as_str().into()));
    }
    Value::Object(o)
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
    pub fn get(&self, id: &str) -> Option<EntityRef<'_>> {
        self.by_id
            .binary_search_by(|&i| self.store.get(i as usize).id().cmp(id))
            .ok()
            .map(|k| self.store.get(self.by_id[k] as usize))
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
            let Some(rest) = surface
                .strip_prefix("the ")
                .or_else(|| surface.strip_prefix("The "))
            else {
                continue;
            };
            let name = self.store.get(m.entity as usize).name();
            if name.starts_with("The ") || name.starts_with("the ") || rest.is_empty() {
                continue;
            }
            m.span.byte_start += 4;
            m.span.char_start += 4;
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests;
