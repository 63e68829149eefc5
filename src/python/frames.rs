//! Frame columns as Arrow buffers (bytes objects) for the Python side to wrap.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyString;

use pyo3::types::{PyBytes, PyTuple};

use super::args::TextArgs;
use super::document::PyDocument;

pub(super) type ColumnsOut<'py> = (usize, Vec<Bound<'py, PyTuple>>);

pub(super) fn columns_to_py<'py>(
    py: Python<'py>,
    cols: &crate::frames::Columns,
) -> PyResult<ColumnsOut<'py>> {
    use crate::frames::Values;
    let mut out = Vec::with_capacity(cols.columns.len());
    for c in &cols.columns {
        let (ty, values, offsets) = match &c.values {
            Values::I64(v) => (
                "int64",
                le_bytes(py, v.iter().map(|x| x.to_le_bytes()))?,
                None,
            ),
            Values::F64(v) => (
                "float64",
                le_bytes(py, v.iter().map(|x| x.to_le_bytes()))?,
                None,
            ),
            Values::Bool(v) => ("bool", PyBytes::new(py, &crate::frames::bitmap(v)), None),
            Values::Str { offsets, data } => (
                "large_string",
                PyBytes::new(py, data),
                Some(le_bytes(py, offsets.iter().map(|x| x.to_le_bytes()))?),
            ),
        };
        let valid = c
            .valid
            .as_ref()
            .map(|v| PyBytes::new(py, &crate::frames::bitmap(v)));
        out.push(PyTuple::new(
            py,
            [
                PyString::new(py, c.name).into_any(),
                PyString::new(py, ty).into_any(),
                values.into_any(),
                offsets.map_or_else(|| py.None().into_bound(py), |o| o.into_any()),
                valid.map_or_else(|| py.None().into_bound(py), |o| o.into_any()),
            ],
        )?);
    }
    Ok((cols.rows, out))
}

/// Little-endian bytes of fixed-size values, written straight into a Python bytes object.
pub(super) fn le_bytes<'py, const N: usize>(
    py: Python<'py>,
    items: impl ExactSizeIterator<Item = [u8; N]>,
) -> PyResult<Bound<'py, PyBytes>> {
    let len = items.len() * N;
    PyBytes::new_with(py, len, |buf| {
        for (chunk, item) in buf.chunks_exact_mut(N).zip(items) {
            chunk.copy_from_slice(&item);
        }
        Ok(())
    })
}

/// Frame columns for documents already extracted (all with the same gazetteer), as
/// `Extractor.columns` returns them.
#[pyfunction]
pub(super) fn columns_from_documents<'py>(
    py: Python<'py>,
    docs: Vec<Bound<'py, PyDocument>>,
    what: &str,
) -> PyResult<ColumnsOut<'py>> {
    let what = parse_what(what)?;
    let refs: Vec<&PyDocument> = docs.iter().map(|d| d.get()).collect();
    let Some(first) = refs.first() else {
        return columns_to_py(py, &crate::frames::empty(what));
    };
    if refs.iter().any(|d| !Arc::ptr_eq(&d.shared, &first.shared)) {
        return Err(crate::Error::new(
            crate::ErrorKind::Option,
            "documents come from different gazetteers; build one frame per gazetteer",
        )
        .into());
    }
    let texts: Vec<Bound<'py, PyString>> = refs.iter().map(|d| d.text.bind(py).clone()).collect();
    let texts: Vec<Bound<'py, PyAny>> = texts.into_iter().map(|t| t.into_any()).collect();
    let args = TextArgs::new(&texts, "docs.text")?;
    let strs = args.strs();
    let cores: Vec<&crate::pipeline::Document> = refs.iter().map(|d| &d.core).collect();
    let g = &first.shared.core;
    let cols = py.detach(|| crate::frames::columns(what, &strs, &cores, g, 0));
    columns_to_py(py, &cols)
}

/// `(name, type)` of each column of a frame of `what`: the schema `wirescan.schema` publishes.
#[pyfunction]
pub(super) fn schema(what: &str) -> PyResult<Vec<(&'static str, &'static str)>> {
    Ok(crate::frames::describe(parse_what(what)?))
}

/// `entities`, `numbers` or `quotes`.
pub(super) fn parse_what(what: &str) -> PyResult<crate::frames::What> {
    Ok(crate::frames::What::parse(what)?)
}
