//! Compact storage of entity definitions: every string in one arena, flat tables of fixed-size
//! records pointing into it. A million entities take tens of megabytes instead of hundreds, which
//! is what lets a 1M-alias gazetteer sit in memory next to its automaton.

use std::sync::OnceLock;

use serde_json::{Map, Value};

use super::{Alias, CasePolicy, Entity, Form};
use crate::error::{Error, Result};

/// A string in the arena.
#[derive(Clone, Copy, Debug)]
struct Str {
    off: u32,
    len: u32,
}

/// 24 bytes an entity; attributes live apart (`attributes` is the index of the entity's, or
/// `NO_ATTRIBUTES`), so entities without any pay only the index, and a lookup is one step.
/// An entity's aliases run from its `first_alias` to the next entity's.
#[derive(Clone, Debug)]
struct EntRec {
    id: Str,
    first_alias: u32,
    priority: i32,
    attributes: u32,
    kind: u16,
}

const NO_ATTRIBUTES: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
struct AliasRec {
    text: Str,
    form: Form,
    case: CasePolicy,
}

/// Entity definitions, compactly.
#[derive(Clone, Debug, Default)]
pub(crate) struct Store {
    arena: String,
    ents: Vec<EntRec>,
    aliases: Vec<AliasRec>,
    kinds: Vec<Box<str>>,
    /// (entity index, attributes), sorted by index, for entities that have attributes.
    attributes: Vec<(u32, Map<String, Value>)>,
}

fn empty_map() -> &'static Map<String, Value> {
    static EMPTY: OnceLock<Map<String, Value>> = OnceLock::new();
    EMPTY.get_or_init(Map::new)
}

impl Store {
    pub(crate) fn from_entities(entities: Vec<Entity>) -> Result<Store> {
        let bytes: usize = entities
            .iter()
            .map(|e| e.id.len() + e.aliases.iter().map(|a| a.text.len()).sum::<usize>())
            .sum();
        if bytes > u32::MAX as usize {
            return Err(Error::gazetteer(
                None,
                "the gazetteer's names and aliases exceed 4 GiB",
            ));
        }
        let mut s = Store {
            arena: String::with_capacity(bytes),
            ents: Vec::with_capacity(entities.len()),
            aliases: Vec::with_capacity(entities.iter().map(|e| e.aliases.len()).sum()),
            kinds: Vec::new(),
            attributes: Vec::new(),
        };
        for (idx, e) in entities.into_iter().enumerate() {
            let kind = match s.kinds.iter().position(|k| **k == *e.kind) {
                Some(k) => k,
                None => {
                    s.kinds.push(e.kind.clone().into_boxed_str());
                    s.kinds.len() - 1
                }
            };
            let kind = u16::try_from(kind).map_err(|_| {
                Error::gazetteer(Some(idx), "more than 65,535 distinct entity kinds")
            })?;
            let priority = i32::try_from(e.priority).map_err(|_| {
                Error::gazetteer(
                    Some(idx),
                    format!("entity {:?}: priority {} is out of range", e.id, e.priority),
                )
            })?;
            let id = s.push_str(&e.id);
            let first_alias = s.aliases.len() as u32;
            for a in &e.aliases {
                let text = s.push_str(&a.text);
                s.aliases.push(AliasRec {
                    text,
                    form: a.form,
                    case: a.case,
                });
            }
            let attributes = if e.attributes.is_empty() {
                NO_ATTRIBUTES
            } else {
                s.attributes.push((idx as u32, e.attributes));
                (s.attributes.len() - 1) as u32
            };
            s.ents.push(EntRec {
                id,
                first_alias,
                priority,
                kind,
                attributes,
            });
        }
        Ok(s)
    }

    fn push_str(&mut self, t: &str) -> Str {
        let off = self.arena.len() as u32;
        self.arena.push_str(t);
        Str {
            off,
            len: t.len() as u32,
        }
    }

    #[inline]
    fn str(&self, s: Str) -> &str {
        &self.arena[s.off as usize..(s.off + s.len) as usize]
    }

    pub(crate) fn len(&self) -> usize {
        self.ents.len()
    }

    #[inline]
    pub(crate) fn get(&self, index: usize) -> EntityRef<'_> {
        EntityRef {
            store: self,
            rec: &self.ents[index],
            index,
        }
    }

    pub(crate) fn iter(&self) -> impl ExactSizeIterator<Item = EntityRef<'_>> + '_ {
        (0..self.ents.len()).map(move |i| self.get(i))
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.arena.capacity()
            + self.ents.capacity() * std::mem::size_of::<EntRec>()
            + self.attributes.capacity() * std::mem::size_of::<(u32, Map<String, Value>)>()
            + self.aliases.capacity() * std::mem::size_of::<AliasRec>()
    }
}

/// One entity of a gazetteer, borrowed from its compact storage.
#[derive(Clone, Copy, Debug)]
pub struct EntityRef<'a> {
    store: &'a Store,
    rec: &'a EntRec,
    index: usize,
}

/// One alias of an entity, borrowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AliasRef<'a> {
    /// The alias as written in the gazetteer.
    pub text: &'a str,
    /// Its form.
    pub form: Form,
    /// Its case policy.
    pub case: CasePolicy,
}

impl<'a> EntityRef<'a> {
    /// Position in the gazetteer (what mentions carry).
    pub fn index(&self) -> usize {
        self.index
    }

    /// Unique id.
    pub fn id(&self) -> &'a str {
        self.store.str(self.rec.id)
    }

    /// Canonical name (the first alias, of form `name`).
    pub fn name(&self) -> &'a str {
        self.alias(0).text
    }

    /// Kind: `person`, `org`, `place`, or a user kind.
    pub fn kind(&self) -> &'a str {
        &self.store.kinds[self.rec.kind as usize]
    }

    /// Priority among entities that share an alias.
    pub fn priority(&self) -> i64 {
        i64::from(self.rec.priority)
    }

    /// Free attributes (empty when there are none).
    pub fn attributes(&self) -> &'a Map<String, Value> {
        let store: &'a Store = self.store;
        match store.attributes.get(self.rec.attributes as usize) {
            Some((_, map)) => map,
            None => empty_map(),
        }
    }

    /// A string attribute, or None when absent or not a string.
    pub fn str_attribute(&self, key: &str) -> Option<&'a str> {
        self.attributes().get(key).and_then(|v| v.as_str())
    }

    /// The entity's country as an upper-case code: its `country` attribute, else the code of
    /// an `iso:XX` id (a country is its own). The one answer every layer uses.
    pub fn country(&self) -> Option<std::borrow::Cow<'a, str>> {
        use std::borrow::Cow;
        match self.str_attribute("country") {
            Some(c) if c.bytes().any(|b| b.is_ascii_lowercase()) => {
                Some(Cow::Owned(c.to_ascii_uppercase()))
            }
            Some(c) => Some(Cow::Borrowed(c)),
            None => self.id().strip_prefix("iso:").map(Cow::Borrowed),
        }
    }

    /// The entity's Wikidata id: its `wikidata` attribute, else its id when that is a QID.
    pub fn wikidata(&self) -> Option<&'a str> {
        fn is_qid(s: &str) -> bool {
            s.len() > 1
                && s.starts_with('Q')
                && s[1..].bytes().all(|b| b.is_ascii_digit())
                && !s[1..].starts_with('0')
        }
        self.str_attribute("wikidata")
            .filter(|q| is_qid(q))
            .or_else(|| Some(self.id()).filter(|q| is_qid(q)))
    }

    /// The entity's `role` attribute (`Defence Minister of South Korea`), if any.
    pub fn role(&self) -> Option<&'a str> {
        self.str_attribute("role")
    }

    /// Number of aliases, the canonical name and surnames included.
    pub fn alias_count(&self) -> usize {
        let end = match self.store.ents.get(self.index + 1) {
            Some(next) => next.first_alias as usize,
            None => self.store.aliases.len(),
        };
        end - self.rec.first_alias as usize
    }

    /// The `k`-th alias (0 is the canonical name).
    pub fn alias(&self, k: usize) -> AliasRef<'a> {
        let store: &'a Store = self.store;
        let a = store.aliases[self.rec.first_alias as usize + k];
        AliasRef {
            text: store.str(a.text),
            form: a.form,
            case: a.case,
        }
    }

    /// Every alias, the canonical name first.
    pub fn aliases(&self) -> impl ExactSizeIterator<Item = AliasRef<'a>> + 'a {
        let this = *self;
        (0..self.alias_count()).map(move |k| this.alias(k))
    }

    /// An owned copy.
    pub fn to_entity(&self) -> Entity {
        Entity {
            id: self.id().to_string(),
            name: self.name().to_string(),
            kind: self.kind().to_string(),
            aliases: self
                .aliases()
                .map(|a| Alias {
                    text: a.text.to_string(),
                    form: a.form,
                    case: a.case,
                })
                .collect(),
            attributes: self.attributes().clone(),
            priority: self.priority(),
        }
    }

    /// The entity as a record (see [`Entity::to_record`]).
    pub fn to_record(&self) -> Value {
        self.to_entity().to_record()
    }
}
