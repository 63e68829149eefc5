//! Text arguments: a Python `str` borrowed as `&str`, or copied with lone surrogates replaced.

use std::borrow::Cow;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PySlice, PyString};

/// A text borrowed from a Python `str`, or a copy with lone surrogates replaced by U+FFFD (one
/// replacement character per surrogate, so character offsets still index the caller's string).
pub(super) struct TextArg<'a> {
    pub(super) text: Cow<'a, str>,
}

impl<'a> TextArg<'a> {
    pub(super) fn new(
        obj: &'a Bound<'_, PyAny>,
        what: &dyn Fn() -> String,
    ) -> PyResult<TextArg<'a>> {
        let s = obj.cast::<PyString>().map_err(|_| {
            let tn = obj
                .get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_else(|_| "?".into());
            PyTypeError::new_err(format!("{} must be str, not {tn}", what()))
        })?;
        match s.to_str() {
            Ok(t) => Ok(TextArg {
                text: Cow::Borrowed(t),
            }),
            Err(_) => {
                let raw = s.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
                let bytes: Vec<u8> = raw.extract()?;
                let text: String = bytes
                    .chunks_exact(4)
                    .map(|c| {
                        char::from_u32(u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                            .unwrap_or('\u{FFFD}')
                    })
                    .collect();
                Ok(TextArg {
                    text: Cow::Owned(text),
                })
            }
        }
    }
}

/// Many texts, each read as [`TextArg`]; an error names the item (`{name}[i]`).
pub(super) struct TextArgs<'a> {
    args: Vec<TextArg<'a>>,
}

impl<'a> TextArgs<'a> {
    pub(super) fn new<T: AsRef<Bound<'a, PyAny>>>(objs: &'a [T], name: &str) -> PyResult<Self> {
        let args = objs
            .iter()
            .enumerate()
            .map(|(i, o)| TextArg::new(o.as_ref(), &|| format!("{name}[{i}]")))
            .collect::<PyResult<_>>()?;
        Ok(TextArgs { args })
    }

    /// The texts, in order.
    pub(super) fn strs(&self) -> Vec<&str> {
        self.args.iter().map(|a| a.text.as_ref()).collect()
    }
}

pub(super) fn slice<'py>(
    doc: &Bound<'py, PyString>,
    span: (usize, usize),
) -> PyResult<Bound<'py, PyString>> {
    let py = doc.py();
    Ok(doc
        .get_item(PySlice::new(py, span.0 as isize, span.1 as isize, 1))?
        .cast_into::<PyString>()?)
}

/// `slice` of an optional span: None where the span is None.
pub(super) fn slice_opt<'py>(
    doc: &Bound<'py, PyString>,
    span: Option<(usize, usize)>,
) -> PyResult<Option<Bound<'py, PyString>>> {
    span.map(|s| slice(doc, s)).transpose()
}
