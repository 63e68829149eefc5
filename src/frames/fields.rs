//! The output schema, stated once: for each kind of row (entity mention, number, quote), its
//! fields in order, each with a name, a type and how to read it from a row. The frame columns
//! (`super::columns`), the Python `wirescan.schema` (through `_core.schema`) and the agreement
//! test of the stubs and `to_dict()` keys (tests/test_schema.py) all come from these tables.
//!
//! To add an output field: add a line here, then the attribute to the binding's class (and its
//! stub in `_core.pyi`) and to its `to_dict()`; the test names whatever is missing.

use crate::gazetteer::{Described, Gazetteer, Mention};
use crate::pipeline::AttributedNumber;
use crate::quotes::{Quote, Speaker};
use crate::text::normalize::OrigSpan;

/// A column's type, as `wirescan.schema` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    /// 64-bit integers, never null.
    Int64,
    /// 64-bit integers that may be null (pandas `Int64`).
    NullableInt64,
    /// 64-bit floats, NaN/null when absent.
    Float64,
    /// Booleans, never null.
    Bool,
    /// UTF-8 strings that may be null.
    Str,
}

impl FieldType {
    /// The name `wirescan.schema` uses.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldType::Int64 => "int64",
            FieldType::NullableInt64 => "Int64",
            FieldType::Float64 => "float64",
            FieldType::Bool => "bool",
            FieldType::Str => "string",
        }
    }
}

/// One row being written: the item, its text and document number, the gazetteer its entity
/// indices point into.
pub struct Row<'a, R> {
    /// The document's number (its position in the batch plus the caller's base).
    pub doc: usize,
    /// The document's text.
    pub text: &'a str,
    /// The item.
    pub item: &'a R,
    /// The gazetteer.
    pub gazetteer: &'a Gazetteer,
}

impl<'a, R> Row<'a, R> {
    fn slice(&self, s: &OrigSpan) -> &'a str {
        &self.text[s.byte_start..s.byte_end]
    }

    /// The entity a speaker resolved to: the gazetteer's or a local one.
    fn who(&self, s: Option<&'a Speaker>) -> Option<Described<'a>> {
        s.and_then(|s| s.describe(self.gazetteer))
    }
}

/// A value of one field of one row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell<'a> {
    /// An integer or null.
    Int(Option<i64>),
    /// A float or null.
    Float(Option<f64>),
    /// A boolean.
    Bool(bool),
    /// A string or null.
    Str(Option<&'a str>),
}

/// How to read a field from a row.
pub type Getter<R> = for<'a> fn(&Row<'a, R>) -> Cell<'a>;

/// One field of a kind of row.
pub struct Field<R: 'static> {
    /// The column's name.
    pub name: &'static str,
    /// Its type.
    pub ty: FieldType,
    /// Its value in a row.
    pub get: Getter<R>,
}

const fn field<R>(name: &'static str, ty: FieldType, get: Getter<R>) -> Field<R> {
    Field { name, ty, get }
}

use FieldType::{Bool, Float64, Int64, NullableInt64, Str};

fn int(x: usize) -> Cell<'static> {
    Cell::Int(Some(x as i64))
}

fn opt_int(x: Option<usize>) -> Cell<'static> {
    Cell::Int(x.map(|x| x as i64))
}

/// The fields of an entity mention's row.
pub static ENTITY_FIELDS: &[Field<Mention>] = &[
    field("doc", Int64, |r| int(r.doc)),
    field("start", Int64, |r| int(r.item.span.char_start)),
    field("end", Int64, |r| int(r.item.span.char_end)),
    field("text", Str, |r| Cell::Str(Some(r.slice(&r.item.span)))),
    field("entity_id", Str, |r| {
        Cell::Str(Some(r.item.describe(r.gazetteer).id))
    }),
    field("name", Str, |r| {
        Cell::Str(Some(r.item.describe(r.gazetteer).name))
    }),
    field("kind", Str, |r| {
        Cell::Str(Some(r.item.describe(r.gazetteer).kind))
    }),
    field("wikidata", Str, |r| {
        Cell::Str(r.item.describe(r.gazetteer).wikidata)
    }),
    field("known", Bool, |r| Cell::Bool(r.item.local.is_none())),
    field("form", Str, |r| Cell::Str(Some(r.item.form.as_str()))),
    field("ambiguous", Bool, |r| Cell::Bool(r.item.ambiguous)),
];

fn number_speaker<'a>(r: &Row<'a, AttributedNumber>) -> Option<&'a Speaker> {
    r.item.source.as_deref().map(|s| &s.speaker)
}

/// The fields of a number's row (`source_*`: the number's source, when it has one).
pub static NUMBER_FIELDS: &[Field<AttributedNumber>] = &[
    field("doc", Int64, |r| int(r.doc)),
    field("start", Int64, |r| int(r.item.number.span.char_start)),
    field("end", Int64, |r| int(r.item.number.span.char_end)),
    field("text", Str, |r| {
        Cell::Str(Some(r.slice(&r.item.number.span)))
    }),
    field("value", Float64, |r| {
        Cell::Float(Some(r.item.number.value).filter(|v| v.is_finite()))
    }),
    field("low", Float64, |r| Cell::Float(r.item.number.low)),
    field("high", Float64, |r| Cell::Float(r.item.number.high)),
    field("kind", Str, |r| {
        Cell::Str(Some(r.item.number.kind.as_str()))
    }),
    field("vague", Bool, |r| Cell::Bool(r.item.number.vague)),
    field("unit", Str, |r| Cell::Str(r.item.number.unit)),
    field("approx", Str, |r| {
        Cell::Str(r.item.number.approx.map(|a| a.0))
    }),
    field("change", Str, |r| {
        Cell::Str(r.item.number.change.map(|c| c.as_str()))
    }),
    field("object", Str, |r| {
        Cell::Str(r.item.number.object.map(|o| r.slice(&o.0)))
    }),
    field("head", Str, |r| {
        Cell::Str(r.item.number.object.map(|o| r.slice(&o.1)))
    }),
    field("source_text", Str, |r| {
        Cell::Str(number_speaker(r).map(|s| r.slice(&s.span)))
    }),
    field("source_start", NullableInt64, |r| {
        opt_int(number_speaker(r).map(|s| s.span.char_start))
    }),
    field("source_end", NullableInt64, |r| {
        opt_int(number_speaker(r).map(|s| s.span.char_end))
    }),
    field("source_id", Str, |r| {
        Cell::Str(r.who(number_speaker(r)).map(|e| e.id))
    }),
    field("source_name", Str, |r| {
        Cell::Str(r.who(number_speaker(r)).map(|e| e.name))
    }),
    field("source_verb", Str, |r| {
        Cell::Str(
            r.item
                .source
                .as_deref()
                .and_then(|s| s.verb.as_ref())
                .map(|v| r.slice(v)),
        )
    }),
    field("source_quote", NullableInt64, |r| {
        opt_int(r.item.source.as_deref().and_then(|s| s.quote))
    }),
];

/// The fields of a quote's row.
pub static QUOTE_FIELDS: &[Field<Quote>] = &[
    field("doc", Int64, |r| int(r.doc)),
    field("start", Int64, |r| int(r.item.span.char_start)),
    field("end", Int64, |r| int(r.item.span.char_end)),
    field("text", Str, |r| Cell::Str(Some(r.slice(&r.item.span)))),
    field("speaker_text", Str, |r| {
        Cell::Str(r.item.speaker.as_ref().map(|s| r.slice(&s.span)))
    }),
    field("speaker_start", NullableInt64, |r| {
        opt_int(r.item.speaker.as_ref().map(|s| s.span.char_start))
    }),
    field("speaker_end", NullableInt64, |r| {
        opt_int(r.item.speaker.as_ref().map(|s| s.span.char_end))
    }),
    field("speaker_id", Str, |r| {
        Cell::Str(r.who(r.item.speaker.as_ref()).map(|e| e.id))
    }),
    field("speaker_name", Str, |r| {
        Cell::Str(r.who(r.item.speaker.as_ref()).map(|e| e.name))
    }),
    field("verb", Str, |r| {
        Cell::Str(r.item.verb.as_ref().map(|v| r.slice(v)))
    }),
    field("partial", Bool, |r| Cell::Bool(r.item.partial)),
    field("closed", Bool, |r| Cell::Bool(r.item.closed)),
    field("cue", Str, |r| Cell::Str(Some(r.item.cue.as_str()))),
    field("paragraphs", Int64, |r| int(r.item.paragraphs.len())),
];

/// `(name, type)` of each field of a kind of row.
pub fn describe<R>(fields: &[Field<R>]) -> Vec<(&'static str, &'static str)> {
    fields.iter().map(|f| (f.name, f.ty.as_str())).collect()
}
