//! The gazetteer's types: entities, aliases and their forms and case policies, options, and the
//! mentions a search returns.

use serde_json::{Map, Value};

use crate::error::{Error, ErrorKind, Result};
use crate::text::normalize::OrigSpan;
use crate::text::NormOptions;

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

    pub(super) fn parse(s: &str) -> Option<Form> {
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

    pub(super) fn parse(s: &str) -> Option<CasePolicy> {
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

/// Options for one search.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MatchOptions {
    /// Return all matches, overlapping ones included, instead of leftmost-longest.
    pub overlapping: bool,
}

/// A person, organisation or place found in one document that the gazetteer does not know
/// (see `crate::people`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalEntity {
    /// A document-local id: `local:` and the name in lower case (`local:rick-bownds`).
    pub id: String,
    /// The name as first written in the document.
    pub name: String,
    /// `person`, `org` or `place`.
    pub kind: &'static str,
    /// A person's gender as the text tells it (`male` or `female`: a given name that is
    /// clearly a man's or a woman's, or a title such as `Mrs.`), else `None`.
    pub gender: Option<&'static str>,
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
    /// True when several candidates remain and the document did not decide between them.
    pub ambiguous: bool,
    /// An entity the gazetteer does not know; `entity` is then `u32::MAX` and means nothing.
    pub local: Option<std::sync::Arc<LocalEntity>>,
}

impl Mention {
    /// The entity's id, name and kind, and its Wikidata id, from the gazetteer or the local
    /// person.
    pub fn describe<'a>(&'a self, gaz: &'a super::Gazetteer) -> Described<'a> {
        Described::of(self.local.as_deref(), self.entity, gaz)
    }

    /// The kind (`person`, `org`, `place`) of the entity the mention names.
    pub fn kind<'a>(&'a self, gaz: &'a super::Gazetteer) -> &'a str {
        match &self.local {
            Some(p) => p.kind,
            None => gaz.entity(self.entity as usize).kind(),
        }
    }
}

impl<'a> Described<'a> {
    /// What a mention of gazetteer entity `entity`, or of the local person `local`, names.
    pub fn of(local: Option<&'a LocalEntity>, entity: u32, gaz: &'a super::Gazetteer) -> Self {
        match local {
            Some(p) => Self::local(p),
            None => Self::known(entity, gaz),
        }
    }

    /// What gazetteer entity `entity` is.
    pub fn known(entity: u32, gaz: &'a super::Gazetteer) -> Self {
        let e = gaz.entity(entity as usize);
        Described {
            id: e.id(),
            name: e.name(),
            kind: e.kind(),
            wikidata: e.wikidata(),
        }
    }

    /// What a document-local entity is.
    pub fn local(p: &'a LocalEntity) -> Self {
        Described {
            id: &p.id,
            name: &p.name,
            kind: p.kind,
            wikidata: None,
        }
    }
}

/// What a mention names (see [`Mention::describe`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Described<'a> {
    /// The entity's id.
    pub id: &'a str,
    /// Its canonical name.
    pub name: &'a str,
    /// Its kind.
    pub kind: &'a str,
    /// Its Wikidata id, when known.
    pub wikidata: Option<&'a str>,
}
