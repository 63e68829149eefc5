//! `Gazetteer`: building, merging and inspecting gazetteers, and compiling them lazily.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString};

use crate::error::{Error, ErrorKind};
use crate::gazetteer::{Gazetteer, GazetteerOptions, OnConflict};

use super::convert::{json_to_py, py_to_json};
use super::errors::{detached, guarded};

/// Builds `g`'s automaton if it is not built yet, then releases the build's garbage.
pub(super) fn ensure_compiled(py: Python<'_>, g: &Arc<Gazetteer>) -> PyResult<()> {
    if !g.is_compiled() {
        detached(py, || g.compile())?;
        crate::runtime::release_freed_memory();
    }
    Ok(())
}

/// A gazetteer: entities with aliases, compiled lazily into an automaton.
#[pyclass(module = "wirescan._core", name = "Gazetteer", frozen)]
pub struct PyGazetteer {
    pub(super) inner: Arc<Shared>,
}

/// A core gazetteer and the ids of mentioned entities as Python strings, made once each. Slots
/// come in chunks of `ID_CHUNK`, allocated when one of their entities is first mentioned, so a
/// 1M-entity gazetteer pays a few kilobytes up front.
pub struct Shared {
    pub(super) core: Arc<Gazetteer>,
    pub(super) ids: Box<[std::sync::OnceLock<IdChunk>]>,
}

/// `ID_CHUNK` slots for entity ids as Python strings.
pub(super) type IdChunk = Box<[PyOnceLock<Py<PyString>>]>;

pub(super) const ID_CHUNK: usize = 256;

impl Shared {
    /// Wraps a gazetteer just built, and hands the build's freed memory back to the OS.
    pub(super) fn new(core: Gazetteer) -> Arc<Shared> {
        crate::runtime::release_freed_memory();
        let chunks = core.len().div_ceil(ID_CHUNK);
        Arc::new(Shared {
            core: Arc::new(core),
            ids: (0..chunks).map(|_| std::sync::OnceLock::new()).collect(),
        })
    }

    /// Wraps a small gazetteer (a restored document's entities), with no memory release.
    pub(super) fn small(core: Gazetteer) -> Arc<Shared> {
        let chunks = core.len().div_ceil(ID_CHUNK);
        Arc::new(Shared {
            core: Arc::new(core),
            ids: (0..chunks).map(|_| std::sync::OnceLock::new()).collect(),
        })
    }

    pub(super) fn id<'py>(&self, py: Python<'py>, entity: u32) -> Bound<'py, PyString> {
        let e = entity as usize;
        let chunk = self.ids[e / ID_CHUNK]
            .get_or_init(|| (0..ID_CHUNK).map(|_| PyOnceLock::new()).collect());
        chunk[e % ID_CHUNK]
            .get_or_init(py, || PyString::new(py, self.core.entity(e).id()).unbind())
            .bind(py)
            .clone()
    }
}

pub(super) fn options_from(strip_diacritics: bool, auto_surnames: bool) -> GazetteerOptions {
    GazetteerOptions {
        strip_diacritics,
        auto_surnames,
    }
}

#[pymethods]
impl PyGazetteer {
    /// Builds a gazetteer from an iterable of mappings.
    #[staticmethod]
    #[pyo3(signature = (records, *, strip_diacritics=true, auto_surnames=true))]
    fn from_records(
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        strip_diacritics: bool,
        auto_surnames: bool,
    ) -> PyResult<PyGazetteer> {
        let mut values = Vec::new();
        for (idx, item) in records.try_iter()?.enumerate() {
            let item = item?;
            let v = py_to_json(&item, 0).map_err(|m| {
                PyErr::from(Error::gazetteer(
                    Some(idx),
                    format!("cannot read record: {m}"),
                ))
            })?;
            values.push(v);
        }
        let opts = options_from(strip_diacritics, auto_surnames);
        let g = detached(py, || Gazetteer::from_records(values, opts))?;
        Ok(PyGazetteer {
            inner: Shared::new(g),
        })
    }

    /// Builds a gazetteer from a JSON array of records (the format of `to_json`).
    #[staticmethod]
    #[pyo3(signature = (data, *, strip_diacritics=true, auto_surnames=true))]
    fn from_json(
        py: Python<'_>,
        data: &[u8],
        strip_diacritics: bool,
        auto_surnames: bool,
    ) -> PyResult<PyGazetteer> {
        let opts = options_from(strip_diacritics, auto_surnames);
        let g = py
            .detach(|| {
                guarded(|| {
                    let v: Vec<serde_json::Value> = serde_json::from_slice(data).map_err(|e| {
                        Error::gazetteer(None, format!("invalid gazetteer JSON: {e}"))
                    })?;
                    Gazetteer::from_records(v, opts)
                })
            })
            .map_err(PyErr::from)?;
        Ok(PyGazetteer {
            inner: Shared::new(g),
        })
    }

    /// The entities as a JSON array of records (reads back with `from_json`).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        let g = self.inner.core.clone();
        py.detach(|| {
            let recs: Vec<serde_json::Value> = g.entities().map(|e| e.to_record()).collect();
            serde_json::to_string(&recs)
        })
        .map_err(|e| Error::new(ErrorKind::Internal, e.to_string()).into())
    }

    /// Options as a dict.
    #[getter]
    fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        let o = self.inner.core.options();
        d.set_item("strip_diacritics", o.strip_diacritics)?;
        d.set_item("auto_surnames", o.auto_surnames)?;
        Ok(d)
    }

    fn __len__(&self) -> usize {
        self.inner.core.len()
    }

    /// Number of aliases over all entities (names and surnames included).
    fn alias_count(&self) -> usize {
        self.inner.core.alias_count()
    }

    /// Entity ids in definition order.
    fn ids(&self) -> Vec<String> {
        self.inner
            .core
            .entities()
            .map(|e| e.id().to_string())
            .collect()
    }

    /// The entity with this id as a record dict, or None.
    fn get<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        match self.inner.core.get(id) {
            Some(e) => Ok(Some(json_to_py(py, &e.to_record())?)),
            None => Ok(None),
        }
    }

    fn __contains__(&self, id: &str) -> bool {
        self.inner.core.get(id).is_some()
    }

    /// This gazetteer and `other` in one.
    #[pyo3(signature = (other, on_conflict="error"))]
    fn merge(
        &self,
        py: Python<'_>,
        other: &PyGazetteer,
        on_conflict: &str,
    ) -> PyResult<PyGazetteer> {
        let oc = OnConflict::parse(on_conflict)?;
        let (a, b) = (self.inner.core.clone(), other.inner.core.clone());
        let g = detached(py, || a.merge(&b, oc))?;
        Ok(PyGazetteer {
            inner: Shared::new(g),
        })
    }

    /// A copy without the given ids and kinds.
    #[pyo3(signature = (ids=Vec::new(), kinds=Vec::new()))]
    fn exclude(
        &self,
        py: Python<'_>,
        ids: Vec<String>,
        kinds: Vec<String>,
    ) -> PyResult<PyGazetteer> {
        let g = self.inner.core.clone();
        let g = detached(py, || g.exclude(&ids, &kinds))?;
        Ok(PyGazetteer {
            inner: Shared::new(g),
        })
    }

    /// Normalised aliases claimed by several entities: list of (alias, [ids]).
    fn ambiguities(&self) -> Vec<(String, Vec<String>)> {
        self.inner
            .core
            .ambiguities()
            .into_iter()
            .map(|a| (a.alias, a.ids))
            .collect()
    }

    /// Builds the automaton now (otherwise it is built on first use).
    fn compile(&self, py: Python<'_>) -> PyResult<()> {
        ensure_compiled(py, &self.inner.core)
    }

    /// Heap bytes of the entity definitions (names, aliases and tables; attributes excepted).
    fn definition_memory(&self) -> usize {
        self.inner.core.definition_memory()
    }

    /// Heap bytes of the compiled automaton and its tables (0 before it is built).
    fn automaton_memory(&self) -> usize {
        self.inner.core.automaton_memory()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Gazetteer {} entities, {} aliases>",
            self.inner.core.len(),
            self.inner.core.alias_count()
        )
    }
}
