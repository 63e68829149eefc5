//! Tidy columns for data frames: one row per entity mention, number or quote, built in Rust in
//! Arrow's memory layout (little-endian values, validity and boolean bitmaps, 64-bit string
//! offsets), so the Python side wraps buffers instead of making an object per match.

pub mod fields;

use crate::error::{Error, ErrorKind, Result};
use crate::gazetteer::Gazetteer;
use crate::pipeline::Document;
use fields::{Cell, Field, FieldType, Row};

/// What a frame lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    /// One row per entity mention.
    Entities,
    /// One row per number.
    Numbers,
    /// One row per quote.
    Quotes,
}

impl What {
    /// Parses `entities`, `numbers` or `quotes`.
    pub fn parse(s: &str) -> Result<What> {
        match s {
            "entities" => Ok(What::Entities),
            "numbers" => Ok(What::Numbers),
            "quotes" => Ok(What::Quotes),
            _ => Err(Error::new(
                ErrorKind::Option,
                format!("what must be 'entities', 'numbers' or 'quotes', not {s:?}"),
            )),
        }
    }

    /// The stages tables of these kinds need: numbers for number rows, quotes for quote rows
    /// and for the sources of numbers.
    pub fn needs(whats: &[What]) -> crate::pipeline::Needs {
        crate::pipeline::Needs {
            numbers: whats.contains(&What::Numbers),
            quotes: whats
                .iter()
                .any(|w| matches!(w, What::Numbers | What::Quotes)),
        }
    }
}

/// A column's values.
#[derive(Clone, Debug, PartialEq)]
pub enum Values {
    /// 64-bit integers.
    I64(Vec<i64>),
    /// 64-bit floats.
    F64(Vec<f64>),
    /// Booleans.
    Bool(Vec<bool>),
    /// UTF-8 strings: `data[offsets[i]..offsets[i + 1]]`.
    Str {
        /// `len + 1` offsets into `data`.
        offsets: Vec<i64>,
        /// The bytes of every string.
        data: Vec<u8>,
    },
}

/// One column; `valid[i] == false` marks a null.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The column's name.
    pub name: &'static str,
    /// The values (a placeholder where null).
    pub values: Values,
    /// Validity per row, or `None` when the column has no nulls.
    pub valid: Option<Vec<bool>>,
}

impl Column {
    fn new(name: &'static str, values: Values) -> Column {
        Column {
            name,
            values,
            valid: None,
        }
    }

    fn i64(name: &'static str) -> Column {
        Column::new(name, Values::I64(Vec::new()))
    }

    fn f64(name: &'static str) -> Column {
        Column::new(name, Values::F64(Vec::new()))
    }

    fn bool(name: &'static str) -> Column {
        Column::new(name, Values::Bool(Vec::new()))
    }

    fn str(name: &'static str) -> Column {
        Column::new(
            name,
            Values::Str {
                offsets: vec![0],
                data: Vec::new(),
            },
        )
    }

    fn len(&self) -> usize {
        match &self.values {
            Values::I64(v) => v.len(),
            Values::F64(v) => v.len(),
            Values::Bool(v) => v.len(),
            Values::Str { offsets, .. } => offsets.len() - 1,
        }
    }

    fn mark(&mut self, ok: bool) {
        if !ok && self.valid.is_none() {
            self.valid = Some(vec![true; self.len()]);
        }
        if let Some(v) = &mut self.valid {
            v.push(ok);
        }
    }

    fn push_i64(&mut self, x: Option<i64>) {
        self.mark(x.is_some());
        if let Values::I64(v) = &mut self.values {
            v.push(x.unwrap_or(0));
        }
    }

    fn push_f64(&mut self, x: Option<f64>) {
        self.mark(x.is_some());
        if let Values::F64(v) = &mut self.values {
            v.push(x.unwrap_or(f64::NAN));
        }
    }

    fn push_bool(&mut self, x: bool) {
        self.mark(true);
        if let Values::Bool(v) = &mut self.values {
            v.push(x);
        }
    }

    fn push_str(&mut self, x: Option<&str>) {
        self.mark(x.is_some());
        if let Values::Str { offsets, data } = &mut self.values {
            data.extend_from_slice(x.unwrap_or("").as_bytes());
            offsets.push(data.len() as i64);
        }
    }
}

/// Columns of equal length.
#[derive(Clone, Debug, PartialEq)]
pub struct Columns {
    /// Number of rows.
    pub rows: usize,
    /// The columns, in schema order.
    pub columns: Vec<Column>,
}

impl Column {
    fn of(name: &'static str, ty: FieldType) -> Column {
        match ty {
            FieldType::Int64 | FieldType::NullableInt64 => Column::i64(name),
            FieldType::Float64 => Column::f64(name),
            FieldType::Bool => Column::bool(name),
            FieldType::Str => Column::str(name),
        }
    }

    fn push(&mut self, cell: Cell<'_>) {
        match cell {
            Cell::Int(x) => self.push_i64(x),
            Cell::Float(x) => self.push_f64(x),
            Cell::Bool(x) => self.push_bool(x),
            Cell::Str(x) => self.push_str(x),
        }
    }
}

/// `(name, type)` of each column of a frame of `what`, in order.
pub fn describe(what: What) -> Vec<(&'static str, &'static str)> {
    match what {
        What::Entities => fields::describe(fields::ENTITY_FIELDS),
        What::Numbers => fields::describe(fields::NUMBER_FIELDS),
        What::Quotes => fields::describe(fields::QUOTE_FIELDS),
    }
}

/// The rows of `docs` (extracted from `texts`, in the same order) as columns. `doc` numbers rows
/// by position in `texts` plus `doc_base`.
pub fn columns<D: std::borrow::Borrow<Document>>(
    what: What,
    texts: &[&str],
    docs: &[D],
    gazetteer: &Gazetteer,
    doc_base: usize,
) -> Columns {
    let docs = texts.iter().zip(docs.iter().map(|d| d.borrow()));
    match what {
        What::Entities => build(
            fields::ENTITY_FIELDS,
            docs,
            |d| &d.entities,
            gazetteer,
            doc_base,
        ),
        What::Numbers => build(
            fields::NUMBER_FIELDS,
            docs,
            |d| &d.numbers,
            gazetteer,
            doc_base,
        ),
        What::Quotes => build(
            fields::QUOTE_FIELDS,
            docs,
            |d| &d.quotes,
            gazetteer,
            doc_base,
        ),
    }
}

/// No rows, with the columns of `what`.
pub fn empty(what: What) -> Columns {
    fn no_rows<R>(fields: &[Field<R>]) -> Columns {
        Columns {
            rows: 0,
            columns: fields.iter().map(|f| Column::of(f.name, f.ty)).collect(),
        }
    }
    match what {
        What::Entities => no_rows(fields::ENTITY_FIELDS),
        What::Numbers => no_rows(fields::NUMBER_FIELDS),
        What::Quotes => no_rows(fields::QUOTE_FIELDS),
    }
}

fn build<'d, R: 'static>(
    fields: &[Field<R>],
    docs: impl Iterator<Item = (&'d &'d str, &'d Document)>,
    items: impl Fn(&'d Document) -> &'d [R],
    gazetteer: &'d Gazetteer,
    doc_base: usize,
) -> Columns {
    let mut cols: Vec<Column> = fields.iter().map(|f| Column::of(f.name, f.ty)).collect();
    let mut rows = 0;
    for (i, (text, d)) in docs.enumerate() {
        for item in items(d) {
            let row = Row {
                doc: doc_base + i,
                text,
                item,
                gazetteer,
            };
            for (c, f) in cols.iter_mut().zip(fields) {
                c.push((f.get)(&row));
            }
            rows += 1;
        }
    }
    Columns {
        rows,
        columns: cols,
    }
}

/// Packs booleans into an Arrow bitmap (least significant bit first).
pub fn bitmap(bits: &[bool]) -> Vec<u8> {
    let mut out = vec![0u8; bits.len().div_ceil(8)];
    for (i, &b) in bits.iter().enumerate() {
        if b {
            out[i / 8] |= 1 << (i % 8);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::GazetteerOptions;
    use crate::pipeline::{ExtractOptions, Extractor};
    use serde_json::json;
    use std::sync::Arc;

    #[test]
    fn columns_line_up_with_documents() {
        let g = Arc::new(
            Gazetteer::from_records(
                vec![json!({"id": "s", "name": "Jane Smith", "kind": "person"})],
                GazetteerOptions::default(),
            )
            .unwrap(),
        );
        let x = Extractor::new(g.clone(), ExtractOptions::default());
        let texts = [
            "\u{e9} Jane Smith said, \"We saw 3 tanks.\"",
            "",
            "Jane Smith.",
        ];
        let docs: Vec<Document> = texts.iter().map(|t| x.extract(t).unwrap()).collect();
        let c = columns(What::Entities, &texts, &docs, &g, 10);
        assert_eq!(c.rows, 2);
        assert!(c.columns.iter().all(|col| col.len() == 2));
        assert_eq!(c.columns[0].values, Values::I64(vec![10, 12]));
        assert_eq!(c.columns[1].values, Values::I64(vec![2, 0])); // characters, not bytes
        let n = columns(What::Numbers, &texts, &docs, &g, 0);
        assert_eq!(n.rows, 1);
        let quote_col = n.columns.iter().find(|c| c.name == "source_quote").unwrap();
        assert_eq!(quote_col.values, Values::I64(vec![0]));
        let low = n.columns.iter().find(|c| c.name == "low").unwrap();
        assert_eq!(low.valid, Some(vec![false]));
        let q = columns(What::Quotes, &texts, &docs, &g, 0);
        assert_eq!(q.rows, 1);
        if let Values::Str { offsets, data } = &q.columns[3].values {
            assert_eq!(
                &data[offsets[0] as usize..offsets[1] as usize],
                b"We saw 3 tanks."
            );
        } else {
            panic!("text is a string column");
        }
        assert_eq!(
            bitmap(&[true, false, true, true, false, false, false, false, true]),
            [0b1101, 1]
        );
    }
}
