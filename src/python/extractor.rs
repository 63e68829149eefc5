//! `Extractor`: one text, a batch with progress and Ctrl-C, spans, and frame columns.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use pyo3::exceptions::PyTypeError;

use crate::gazetteer::MatchOptions;
use crate::numbers::NumberOptions;
use crate::pipeline::{ExtractOptions, Extractor};

use super::args::{TextArg, TextArgs};
use super::document::{build_document, PyDocument};
use super::errors::{detached, guarded};
use super::frames::{columns_to_py, ColumnsOut};
use super::gazetteer::{ensure_compiled, PyGazetteer, Shared};

/// Extracts entities from texts with one gazetteer.
#[pyclass(module = "wirescan._core", name = "Extractor", frozen)]
pub struct PyExtractor {
    pub(super) inner: Extractor,
    pub(super) shared: Arc<Shared>,
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (gazetteer, *, overlapping=false, numbers=true, include_non_counts=false, quotes=true, people=true))]
    fn new(
        gazetteer: &PyGazetteer,
        overlapping: bool,
        numbers: bool,
        include_non_counts: bool,
        quotes: bool,
        people: bool,
    ) -> PyExtractor {
        let opts = ExtractOptions {
            matching: MatchOptions { overlapping },
            numbers: numbers.then_some(NumberOptions { include_non_counts }),
            quotes,
            people,
        };
        PyExtractor {
            inner: Extractor::new(gazetteer.inner.core.clone(), opts),
            shared: gazetteer.inner.clone(),
        }
    }

    /// Whether all overlapping matches are returned.
    #[getter]
    fn overlapping(&self) -> bool {
        self.inner.options().matching.overlapping
    }

    /// Whether numbers are extracted.
    #[getter]
    fn numbers(&self) -> bool {
        self.inner.options().numbers.is_some()
    }

    /// Whether quotes, speakers and number sources are extracted.
    #[getter]
    fn quotes(&self) -> bool {
        self.inner.options().quotes
    }

    /// Whether people the gazetteer does not know are found.
    #[getter]
    fn people(&self) -> bool {
        self.inner.options().people
    }

    /// Whether dates, years, times and codes are returned as numbers too.
    #[getter]
    fn include_non_counts(&self) -> bool {
        self.inner
            .options()
            .numbers
            .is_some_and(|n| n.include_non_counts)
    }

    /// Extracts one text.
    fn extract(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<PyDocument> {
        let arg = TextArg::new(text, &|| "text".to_string())?;
        let t: &str = &arg.text;
        let x = &self.inner;
        ensure_compiled(py, x.gazetteer())?;
        let doc = detached(py, || x.extract(t))?;
        build_document(text, doc, &self.shared)
    }

    /// Entity spans of one text as a list of `(start, end, entity_id)` tuples: the same matches
    /// as `extract`, without building Mention objects.
    fn spans<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let arg = TextArg::new(text, &|| "text".to_string())?;
        let t: &str = &arg.text;
        let x = &self.inner;
        ensure_compiled(py, x.gazetteer())?;
        let mentions = detached(py, || x.spans(t))?;
        let items = mentions.iter().map(|m| {
            (
                m.span.char_start,
                m.span.char_end,
                self.shared.id(py, m.entity),
            )
        });
        PyList::new(py, items)
    }

    /// Extracts `texts` (a list of str) once and returns, for each frame of `whats`, its rows
    /// as Arrow-layout columns: `(rows, [(name, type, values, offsets, validity), ...])` with
    /// `type` one of `int64`, `float64`, `bool`, `large_string`; buffers are bytes (offsets only
    /// for strings, validity a bitmap or None). `doc` numbers the texts from `doc_base`.
    #[pyo3(signature = (texts, whats, n_threads=None, doc_base=0))]
    fn columns_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        whats: Vec<String>,
        n_threads: Option<usize>,
        doc_base: usize,
    ) -> PyResult<Vec<ColumnsOut<'py>>> {
        ensure_compiled(py, self.inner.gazetteer())?;
        let whats = whats
            .iter()
            .map(|w| crate::frames::What::parse(w))
            .collect::<crate::Result<Vec<_>>>()?;
        let objs: Vec<Bound<'_, PyAny>> = texts.try_iter()?.collect::<PyResult<_>>()?;
        let args = TextArgs::new(&objs, "texts")?;
        let strs = args.strs();
        // Only the stages these tables need (an entity table does not pay for numbers and
        // quotes).
        let restricted = self.inner.for_outputs(crate::frames::What::needs(&whats));
        let x = &restricted;
        let n = n_threads.unwrap_or(0);
        let docs = watched_batch(py, x, &strs, n, None)?
            .into_iter()
            .collect::<crate::Result<Vec<_>>>()
            .map_err(PyErr::from)?;
        let sets = py
            .detach(|| {
                guarded(|| {
                    Ok(whats
                        .iter()
                        .map(|&w| crate::frames::columns(w, &strs, &docs, x.gazetteer(), doc_base))
                        .collect::<Vec<_>>())
                })
            })
            .map_err(PyErr::from)?;
        sets.iter().map(|c| columns_to_py(py, c)).collect()
    }

    /// Extracts many texts in one call, the GIL released, on `n_threads` threads (this one and
    /// `n_threads - 1` pool threads). Between texts, every `TICK` at most, this thread takes the
    /// GIL back to check for Ctrl-C and to call `progress(done)`; an exception from either stops
    /// the batch and is raised.
    #[pyo3(signature = (texts, n_threads=None, progress=None))]
    fn extract_batch(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        n_threads: Option<usize>,
        progress: Option<Py<PyAny>>,
    ) -> PyResult<Vec<PyDocument>> {
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "texts must be a sequence of str, not a single str (use extract)",
            ));
        }
        let objs: Vec<Bound<'_, PyAny>> = texts.try_iter()?.collect::<PyResult<_>>()?;
        let args = TextArgs::new(&objs, "texts")?;
        let strs = args.strs();
        let x = &self.inner;
        ensure_compiled(py, x.gazetteer())?;
        let n = n_threads.unwrap_or(0);
        let results = watched_batch(py, x, &strs, n, progress.as_ref())?;
        let mut docs = Vec::with_capacity(results.len());
        for (obj, r) in objs.iter().zip(results) {
            let d = r?;
            docs.push(build_document(obj, d, &self.shared)?);
        }
        if let Some(f) = &progress {
            f.call1(py, (docs.len(),))?;
        }
        Ok(docs)
    }
}

/// How often a batch running without the GIL looks for Ctrl-C and reports progress.
pub(super) const TICK: std::time::Duration = std::time::Duration::from_millis(100);

/// Extracts `strs` with the GIL released, the calling thread taking part; between its texts,
/// every `TICK` at most, it takes the GIL back to check for Ctrl-C and to call
/// `progress(done)`. The first exception from either stops the batch and is returned.
pub(super) fn watched_batch(
    py: Python<'_>,
    x: &Extractor,
    strs: &[&str],
    n_threads: usize,
    progress: Option<&Py<PyAny>>,
) -> PyResult<Vec<crate::Result<crate::pipeline::Document>>> {
    let mut stopped: Option<PyErr> = None;
    let tick = |done: usize| {
        Python::attach(|py| {
            let r = py.check_signals().and_then(|()| match progress {
                Some(f) => f.call1(py, (done,)).map(drop),
                None => Ok(()),
            });
            r.map_err(|e| stopped = Some(e)).is_ok()
        })
    };
    let results = py.detach(|| guarded(|| x.extract_batch_watched(strs, n_threads, TICK, tick)));
    match stopped {
        Some(e) => Err(e),
        None => results.map_err(PyErr::from),
    }
}
