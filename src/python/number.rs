//! `Number`: one number with its value, kind, unit, qualifier, object and source.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::numbers::Number;

use super::args::{slice, slice_opt};
use super::quote::PySource;

/// One number: its value, what it counts, and how sure the text is.
#[pyclass(module = "wirescan._core", name = "Number", frozen)]
pub struct PyNumber {
    #[pyo3(get)]
    pub(super) start: usize,
    #[pyo3(get)]
    pub(super) end: usize,
    pub(super) doc: Py<PyString>,
    /// The value; None when a non-count (`include_non_counts`) has none.
    #[pyo3(get)]
    pub(super) value: Option<f64>,
    #[pyo3(get)]
    pub(super) low: Option<f64>,
    #[pyo3(get)]
    pub(super) high: Option<f64>,
    #[pyo3(get)]
    pub(super) kind: &'static str,
    #[pyo3(get)]
    pub(super) vague: bool,
    #[pyo3(get)]
    pub(super) unit: Option<&'static str>,
    #[pyo3(get)]
    pub(super) approx: Option<&'static str>,
    /// `up` or `down` when the text says the quantity changed by this number (`rose 4%`).
    #[pyo3(get)]
    pub(super) change: Option<&'static str>,
    pub(super) approx_span: Option<(usize, usize)>,
    pub(super) object_span: Option<(usize, usize)>,
    pub(super) head_span: Option<(usize, usize)>,
    /// Who the number is attributed to, when it is quoted or reported speech.
    #[pyo3(get)]
    pub(super) source: Option<Py<PySource>>,
}

impl PyNumber {
    pub(super) fn from_core(
        py: Python<'_>,
        doc: &Py<PyString>,
        n: &Number,
        source: Option<Py<PySource>>,
    ) -> PyNumber {
        let chars = |s: &crate::text::normalize::OrigSpan| (s.char_start, s.char_end);
        PyNumber {
            source,
            start: n.span.char_start,
            end: n.span.char_end,
            doc: doc.clone_ref(py),
            value: Some(n.value).filter(|v| v.is_finite()),
            low: n.low,
            high: n.high,
            kind: n.kind.as_str(),
            vague: n.vague,
            unit: n.unit,
            approx: n.approx.map(|a| a.0),
            change: n.change.map(crate::numbers::Change::as_str),
            approx_span: n.approx.map(|a| chars(&a.1)),
            object_span: n.object.map(|o| chars(&o.0)),
            head_span: n.object.map(|o| chars(&o.1)),
        }
    }
}

#[pymethods]
impl PyNumber {
    /// The number's own text: `doc.text[start:end]`.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        slice(self.doc.bind(py), (self.start, self.end))
    }

    /// Start of the qualifier (`more than`) in the text, or None.
    #[getter]
    fn approx_start(&self) -> Option<usize> {
        self.approx_span.map(|s| s.0)
    }

    /// End of the qualifier in the text, or None.
    #[getter]
    fn approx_end(&self) -> Option<usize> {
        self.approx_span.map(|s| s.1)
    }

    /// The counted noun phrase after the number (`Russian ships`), or None.
    #[getter]
    fn object<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyString>>> {
        slice_opt(self.doc.bind(py), self.object_span)
    }

    /// Start of the object phrase, or None.
    #[getter]
    fn object_start(&self) -> Option<usize> {
        self.object_span.map(|s| s.0)
    }

    /// End of the object phrase, or None.
    #[getter]
    fn object_end(&self) -> Option<usize> {
        self.object_span.map(|s| s.1)
    }

    /// The object's head word (`ships`), or None.
    #[getter]
    fn head<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyString>>> {
        slice_opt(self.doc.bind(py), self.head_span)
    }

    /// Plain JSON-able data.
    pub(super) fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", self.text(py)?)?;
        d.set_item("value", self.value)?;
        d.set_item("low", self.low)?;
        d.set_item("high", self.high)?;
        d.set_item("kind", self.kind)?;
        d.set_item("vague", self.vague)?;
        d.set_item("unit", self.unit)?;
        d.set_item("approx", self.approx)?;
        d.set_item("approx_start", self.approx_start())?;
        d.set_item("approx_end", self.approx_end())?;
        d.set_item("change", self.change)?;
        d.set_item("object", self.object(py)?)?;
        d.set_item("object_start", self.object_start())?;
        d.set_item("object_end", self.object_end())?;
        d.set_item("head", self.head(py)?)?;
        let src = match &self.source {
            Some(s) => Some(s.get().to_dict(py)?),
            None => None,
        };
        d.set_item("source", src)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut extra = String::new();
        if let Some(a) = self.approx {
            extra.push_str(&format!(" approx={a:?}"));
        }
        if let Some(u) = self.unit {
            extra.push_str(&format!(" unit={u}"));
        }
        if let (Some(l), Some(h)) = (self.low, self.high) {
            extra.push_str(&format!(" low={l} high={h}"));
        }
        if self.vague {
            extra.push_str(" vague");
        }
        if let Some(c) = self.change {
            extra.push_str(&format!(" change={c}"));
        }
        if let Some(o) = self.object(py)? {
            extra.push_str(&format!(" object={}", o.repr()?));
        }
        if let Some(src) = &self.source {
            extra.push_str(&format!(" source={}", src.get().speaker_text(py)?.repr()?));
        }
        Ok(format!(
            "<Number {} [{}:{}] {} {}{extra}>",
            self.text(py)?.repr()?,
            self.start,
            self.end,
            self.kind,
            self.value
                .map_or_else(|| "None".to_string(), |v| v.to_string())
        ))
    }
}
