//! Tidy columns for data frames: one row per entity mention, number or quote, built in Rust in
//! Arrow's memory layout (little-endian values, validity and boolean bitmaps, 64-bit string
//! offsets), so the Python side wraps buffers instead of making an object per match.

use crate::gazetteer::Gazetteer;
use crate::pipeline::Document;
use crate::text::normalize::OrigSpan;

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
    pub fn parse(s: &str) -> Option<What> {
        match s {
            "entities" => Some(What::Entities),
            "numbers" => Some(What::Numbers),
            "quotes" => Some(What::Quotes),
            _ => None,
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

/// The column names of each frame, in order (the Python schema lists their types).
pub fn names(what: What) -> &'static [&'static str] {
    match what {
        What::Entities => &[
            "doc",
            "start",
            "end",
            "text",
            "entity_id",
            "name",
            "kind",
            "form",
            "ambiguous",
        ],
        What::Numbers => &[
            "doc",
            "start",
            "end",
            "text",
            "value",
            "low",
            "high",
            "kind",
            "vague",
            "unit",
            "approx",
            "object",
            "head",
            "source_text",
            "source_start",
            "source_end",
            "source_id",
            "source_name",
            "source_verb",
            "source_quote",
        ],
        What::Quotes => &[
            "doc",
            "start",
            "end",
            "text",
            "speaker_text",
            "speaker_start",
            "speaker_end",
            "speaker_id",
            "speaker_name",
            "verb",
            "partial",
            "closed",
            "cue",
            "paragraphs",
        ],
    }
}

fn slice<'t>(text: &'t str, s: &OrigSpan) -> &'t str {
    &text[s.byte_start..s.byte_end]
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
    let mut cols: Vec<Column> = Vec::new();
    let mut rows = 0;
    match what {
        What::Entities => {
            let [mut doc, mut start, mut end] = [0; 3].map(|_| Column::i64(""));
            let [mut text, mut id, mut name, mut kind, mut form] = [0; 5].map(|_| Column::str(""));
            let mut amb = Column::bool("ambiguous");
            for (i, (t, d)) in texts
                .iter()
                .zip(docs.iter().map(|d| d.borrow()))
                .enumerate()
            {
                for m in &d.entities {
                    let e = gazetteer.entity(m.entity as usize);
                    doc.push_i64(Some((doc_base + i) as i64));
                    start.push_i64(Some(m.span.char_start as i64));
                    end.push_i64(Some(m.span.char_end as i64));
                    text.push_str(Some(slice(t, &m.span)));
                    id.push_str(Some(e.id()));
                    name.push_str(Some(e.name()));
                    kind.push_str(Some(e.kind()));
                    form.push_str(Some(m.form.as_str()));
                    amb.push_bool(m.ambiguous);
                    rows += 1;
                }
            }
            cols.extend([doc, start, end, text, id, name, kind, form, amb]);
        }
        What::Numbers => {
            let [mut doc, mut start, mut end, mut s_start, mut s_end, mut s_quote] =
                [0; 6].map(|_| Column::i64(""));
            let [mut value, mut low, mut high] = [0; 3].map(|_| Column::f64(""));
            let [mut text, mut kind, mut unit, mut approx, mut object, mut head, mut s_text, mut s_id, mut s_name, mut s_verb] =
                [0; 10].map(|_| Column::str(""));
            let mut vague = Column::bool("vague");
            for (i, (t, d)) in texts
                .iter()
                .zip(docs.iter().map(|d| d.borrow()))
                .enumerate()
            {
                for (k, n) in d.numbers.iter().enumerate() {
                    doc.push_i64(Some((doc_base + i) as i64));
                    start.push_i64(Some(n.span.char_start as i64));
                    end.push_i64(Some(n.span.char_end as i64));
                    text.push_str(Some(slice(t, &n.span)));
                    value.push_f64(Some(n.value).filter(|v| v.is_finite()));
                    low.push_f64(n.low);
                    high.push_f64(n.high);
                    kind.push_str(Some(n.kind.as_str()));
                    vague.push_bool(n.vague);
                    unit.push_str(n.unit);
                    approx.push_str(n.approx.map(|a| a.0));
                    object.push_str(n.object.map(|o| slice(t, &o.0)));
                    head.push_str(n.object.map(|o| slice(t, &o.1)));
                    let src = d.number_sources.get(k).and_then(|s| s.as_ref());
                    let sp = src.map(|s| &s.speaker);
                    s_text.push_str(sp.map(|s| slice(t, &s.span)));
                    s_start.push_i64(sp.map(|s| s.span.char_start as i64));
                    s_end.push_i64(sp.map(|s| s.span.char_end as i64));
                    let ent = sp
                        .and_then(|s| s.entity)
                        .map(|e| gazetteer.entity(e as usize));
                    s_id.push_str(ent.as_ref().map(|e| e.id()));
                    s_name.push_str(ent.as_ref().map(|e| e.name()));
                    s_verb.push_str(src.and_then(|s| s.verb.as_ref()).map(|v| slice(t, v)));
                    s_quote.push_i64(src.and_then(|s| s.quote).map(|q| q as i64));
                    rows += 1;
                }
            }
            cols.extend([
                doc, start, end, text, value, low, high, kind, vague, unit, approx, object, head,
                s_text, s_start, s_end, s_id, s_name, s_verb, s_quote,
            ]);
        }
        What::Quotes => {
            let [mut doc, mut start, mut end, mut s_start, mut s_end, mut paras] =
                [0; 6].map(|_| Column::i64(""));
            let [mut text, mut s_text, mut s_id, mut s_name, mut verb, mut cue] =
                [0; 6].map(|_| Column::str(""));
            let [mut partial, mut closed] = [0; 2].map(|_| Column::bool(""));
            for (i, (t, d)) in texts
                .iter()
                .zip(docs.iter().map(|d| d.borrow()))
                .enumerate()
            {
                for q in &d.quotes {
                    doc.push_i64(Some((doc_base + i) as i64));
                    start.push_i64(Some(q.span.char_start as i64));
                    end.push_i64(Some(q.span.char_end as i64));
                    text.push_str(Some(slice(t, &q.span)));
                    let sp = q.speaker.as_ref();
                    s_text.push_str(sp.map(|s| slice(t, &s.span)));
                    s_start.push_i64(sp.map(|s| s.span.char_start as i64));
                    s_end.push_i64(sp.map(|s| s.span.char_end as i64));
                    let ent = sp
                        .and_then(|s| s.entity)
                        .map(|e| gazetteer.entity(e as usize));
                    s_id.push_str(ent.as_ref().map(|e| e.id()));
                    s_name.push_str(ent.as_ref().map(|e| e.name()));
                    verb.push_str(q.verb.as_ref().map(|v| slice(t, v)));
                    partial.push_bool(q.partial);
                    closed.push_bool(q.closed);
                    cue.push_str(Some(q.cue.as_str()));
                    paras.push_i64(Some(q.paragraphs.len() as i64));
                    rows += 1;
                }
            }
            cols.extend([
                doc, start, end, text, s_text, s_start, s_end, s_id, s_name, verb, partial, closed,
                cue, paras,
            ]);
        }
    }
    for (c, n) in cols.iter_mut().zip(names(what)) {
        c.name = n;
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
