//! `Document`: the results of one text, with Python objects made on first access, and pickling.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString};

use crate::error::ErrorKind;

use super::args::TextArg;
use super::errors::{detached, display_module};
use super::gazetteer::Shared;
use super::mention::PyMention;
use super::number::PyNumber;
use super::quote::{PyQuote, PySource};

/// The structured facts found in one text. Mention objects are made on first access to
/// `entities`, so a batch call returns as soon as the (parallel) work is done.
#[pyclass(module = "wirescan._core", name = "Document", frozen)]
pub struct PyDocument {
    #[pyo3(get)]
    pub(super) text: Py<PyString>,
    pub(super) core: crate::pipeline::Document,
    pub(super) shared: Arc<Shared>,
    pub(super) entities: PyOnceLock<Py<PyList>>,
    pub(super) numbers: PyOnceLock<Py<PyList>>,
    pub(super) quotes: PyOnceLock<Py<PyList>>,
    pub(super) sentences: PyOnceLock<Vec<(usize, usize)>>,
}

impl PyDocument {
    pub(super) fn entity_list<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyList>> {
        let list = self.entities.get_or_try_init(py, || -> PyResult<_> {
            let mut objs = Vec::with_capacity(self.core.entities.len());
            for m in &self.core.entities {
                objs.push(Bound::new(
                    py,
                    PyMention {
                        start: m.span.char_start,
                        end: m.span.char_end,
                        doc: self.text.clone_ref(py),
                        form: m.form.as_str(),
                        entity: m.entity,
                        candidates: m.candidates.clone(),
                        ambiguous: m.ambiguous,
                        gazetteer: self.shared.clone(),
                        local: m.local.clone(),
                    },
                )?);
            }
            Ok(PyList::new(py, objs)?.unbind())
        })?;
        Ok(list.bind(py))
    }
}

#[pymethods]
impl PyDocument {
    /// Numbers in text order (the same list object on every access).
    #[getter]
    fn numbers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = self.numbers.get_or_try_init(py, || -> PyResult<_> {
            let mut objs = Vec::with_capacity(self.core.numbers.len());
            for n in &self.core.numbers {
                let src = match &n.source {
                    Some(s) => Some(Py::new(
                        py,
                        PySource::from_core(py, &self.text, &self.shared, s),
                    )?),
                    None => None,
                };
                objs.push(Bound::new(
                    py,
                    PyNumber::from_core(py, &self.text, &n.number, src),
                )?);
            }
            Ok(PyList::new(py, objs)?.unbind())
        })?;
        Ok(list.bind(py).clone())
    }

    /// Direct quotes in text order (the same list object on every access).
    #[getter]
    fn quotes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = self.quotes.get_or_try_init(py, || -> PyResult<_> {
            let mut objs = Vec::with_capacity(self.core.quotes.len());
            for q in &self.core.quotes {
                objs.push(Bound::new(
                    py,
                    PyQuote::from_core(py, &self.text, &self.shared, q),
                )?);
            }
            Ok(PyList::new(py, objs)?.unbind())
        })?;
        Ok(list.bind(py).clone())
    }

    /// HTML for notebooks: entities by kind, numbers, quotes with their speakers, a legend.
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        display_module(slf.py())?
            .call_method1("document_html", (slf,))?
            .extract()
    }

    /// spaCy displaCy's manual format (`displacy.render(d, style="ent", manual=True)`);
    /// `labels="spacy"` uses spaCy's label names.
    #[pyo3(signature = (labels="wirescan"))]
    fn to_displacy<'py>(slf: &Bound<'py, Self>, labels: &str) -> PyResult<Bound<'py, PyAny>> {
        display_module(slf.py())?.call_method1("to_displacy", (slf, labels))
    }

    /// Pickles the text and the results (with the records of the entities they name), not the
    /// extractor: `multiprocessing` can send documents back to the parent.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, DocumentState)> {
        let restore = py.import("wirescan._core")?.getattr("_restore_document")?;
        let state = crate::state::to_json(&self.core, &self.shared.core);
        Ok((
            restore,
            (crate::state::STATE_FORMAT, self.text.clone_ref(py), state),
        ))
    }

    /// Sentences as `(start, end)` character spans: `text[start:end]` is the sentence. Split on
    /// first access (extraction does not need them), then kept.
    #[getter]
    fn sentences(&self, py: Python<'_>) -> PyResult<Vec<(usize, usize)>> {
        self.sentences
            .get_or_try_init(py, || -> PyResult<_> {
                let obj = self.text.bind(py).as_any();
                let arg = TextArg::new(obj, &|| "text".to_string())?;
                let text: &str = &arg.text;
                let spans = detached(py, || Ok(crate::text::sentences::split(text)))?;
                Ok(spans.iter().map(|s| (s.char_start, s.char_end)).collect())
            })
            .cloned()
    }

    /// Entity mentions in text order (the same list object on every access).
    #[getter]
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        Ok(self.entity_list(py)?.clone())
    }

    /// Plain JSON-able data: the text and every mention as a dict, and the sentence spans
    /// unless `sentences=False` (they are split on demand, which costs when not needed).
    #[pyo3(signature = (*, sentences=true))]
    pub(super) fn to_dict<'py>(
        &self,
        py: Python<'py>,
        sentences: bool,
    ) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("text", self.text.bind(py))?;
        let ents = PyList::empty(py);
        for m in self.entity_list(py)?.iter() {
            ents.append(m.cast::<PyMention>()?.get().to_dict(py)?)?;
        }
        d.set_item("entities", ents)?;
        let nums = PyList::empty(py);
        for n in self.numbers(py)?.iter() {
            nums.append(n.cast::<PyNumber>()?.get().to_dict(py)?)?;
        }
        d.set_item("numbers", nums)?;
        let quotes = PyList::empty(py);
        for q in self.quotes(py)?.iter() {
            quotes.append(q.cast::<PyQuote>()?.get().to_dict(py)?)?;
        }
        d.set_item("quotes", quotes)?;
        if sentences {
            d.set_item("sentences", self.sentences(py)?)?;
        }
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let n_chars = self.text.bind(py).len()?;
        let mut names: Vec<&str> = Vec::new();
        for m in &self.core.entities {
            let n = m.describe(&self.shared.core).name;
            if !names.contains(&n) {
                names.push(n);
            }
        }
        let more = if names.len() > 6 { ", ..." } else { "" };
        Ok(format!(
            "<Document {n_chars} chars, {} quotes, {} numbers, {} entities: {}{more}>",
            self.core.quotes.len(),
            self.core.numbers.len(),
            self.core.entities.len(),
            names.iter().take(6).copied().collect::<Vec<_>>().join(", ")
        ))
    }
}

pub(super) fn build_document(
    obj: &Bound<'_, PyAny>,
    doc: crate::pipeline::Document,
    shared: &Arc<Shared>,
) -> PyResult<PyDocument> {
    Ok(PyDocument {
        text: obj.cast::<PyString>()?.clone().unbind(),
        core: doc,
        shared: shared.clone(),
        entities: PyOnceLock::new(),
        numbers: PyOnceLock::new(),
        quotes: PyOnceLock::new(),
        sentences: PyOnceLock::new(),
    })
}

/// Threads a batch uses when none are asked for (`WIRESCAN_NUM_THREADS`, else the core count).
/// What a pickled Document holds: the state format, the text, the results as JSON.
pub(super) type DocumentState = (u64, Py<PyString>, String);

/// Rebuilds a pickled Document (see `Document.__reduce__`).
#[pyfunction]
pub(super) fn _restore_document(
    py: Python<'_>,
    format: u64,
    text: Bound<'_, PyString>,
    state: &str,
) -> PyResult<PyDocument> {
    if format != crate::state::STATE_FORMAT {
        return Err(PyErr::from(crate::Error::new(
            ErrorKind::Option,
            format!(
                "pickled document has format {format}; this wirescan reads {}",
                crate::state::STATE_FORMAT
            ),
        )));
    }
    let (doc, gazetteer) = detached(py, || crate::state::from_json(state))?;
    let n_chars = text.len()?;
    let out_of_range = doc.entities.iter().any(|m| m.span.char_end > n_chars)
        || doc.numbers.iter().any(|n| n.number.span.char_end > n_chars)
        || doc.quotes.iter().any(|q| q.span.char_end > n_chars);
    if out_of_range {
        return Err(PyErr::from(crate::Error::new(
            ErrorKind::Option,
            "pickled document: a span lies outside its text",
        )));
    }
    build_document(text.as_any(), doc, &Shared::small(gazetteer))
}
