//! `Mention`: one mention of a gazetteer entity.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use super::args::slice;
use super::convert::json_to_py;
use super::gazetteer::Shared;

/// One mention of a gazetteer entity.
#[pyclass(module = "wirescan._core", name = "Mention", frozen)]
pub struct PyMention {
    #[pyo3(get)]
    pub(super) start: usize,
    #[pyo3(get)]
    pub(super) end: usize,
    /// The whole document; `text` is sliced from it on access.
    pub(super) doc: Py<PyString>,
    #[pyo3(get)]
    pub(super) form: &'static str,
    pub(super) entity: u32,
    pub(super) candidates: Vec<u32>,
    pub(super) ambiguous: bool,
    pub(super) gazetteer: Arc<Shared>,
    /// A person the gazetteer does not know (`entity` means nothing then).
    pub(super) local: Option<Arc<crate::gazetteer::LocalEntity>>,
}

impl PyMention {
    /// What the mention names (the gazetteer's entity or the local person).
    fn describe(&self) -> crate::gazetteer::Described<'_> {
        crate::gazetteer::Described::of(self.local.as_deref(), self.entity, &self.gazetteer.core)
    }

    /// The gazetteer entity, None for a person the gazetteer does not know.
    pub(super) fn entity(&self) -> Option<crate::gazetteer::EntityRef<'_>> {
        match self.local {
            Some(_) => None,
            None => Some(self.gazetteer.core.entity(self.entity as usize)),
        }
    }
}

#[pymethods]
impl PyMention {
    /// The matched text: `doc.text[start:end]`.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        slice(self.doc.bind(py), (self.start, self.end))
    }

    /// The entity's id.
    #[getter]
    fn entity_id<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        match &self.local {
            Some(p) => PyString::new(py, &p.id),
            None => self.gazetteer.id(py, self.entity),
        }
    }

    /// The entity's canonical name.
    #[getter]
    fn name(&self) -> &str {
        self.describe().name
    }

    /// The entity's kind.
    #[getter]
    fn kind(&self) -> &str {
        self.describe().kind
    }

    /// The entity's Wikidata id (`Q423`), None when it has none.
    #[getter]
    fn wikidata(&self) -> Option<&str> {
        self.describe().wikidata
    }

    /// False for a person the gazetteer does not know (found in the document, with a
    /// document-local `local:` id).
    #[getter]
    fn known(&self) -> bool {
        self.local.is_none()
    }

    /// True when the alias stands for several entities and the document did not settle which
    /// (see `candidates`).
    #[getter]
    fn ambiguous(&self) -> bool {
        self.ambiguous
    }

    /// Ids of every entity the alias may stand for, best first (empty when only one entity
    /// claims it; kept when the document's context settled the choice).
    #[getter]
    fn candidates(&self) -> Vec<String> {
        self.candidates
            .iter()
            .map(|&i| self.gazetteer.core.entity(i as usize).id().to_string())
            .collect()
    }

    /// The entity's attributes (a new dict on each access).
    #[getter]
    fn attributes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let mut attrs = self
            .entity()
            .map(|e| e.attributes().clone())
            .unwrap_or_default();
        // A local person's gender, when the text tells it.
        if let Some(g) = self.local.as_ref().and_then(|l| l.gender) {
            attrs.insert("gender".into(), g.into());
        }
        json_to_py(py, &serde_json::Value::Object(attrs))
    }

    /// Plain JSON-able data.
    pub(super) fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", self.text(py)?)?;
        d.set_item("entity_id", self.entity_id(py))?;
        d.set_item("name", self.name())?;
        d.set_item("kind", self.kind())?;
        d.set_item("wikidata", self.wikidata())?;
        d.set_item("known", self.known())?;
        d.set_item("form", self.form)?;
        d.set_item("ambiguous", self.ambiguous())?;
        d.set_item("candidates", self.candidates())?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Mention {} [{}:{}] {} {} {:?} ({}{})>",
            self.text(py)?.repr()?,
            self.start,
            self.end,
            self.kind(),
            self.entity_id(py),
            self.name(),
            self.form,
            if self.ambiguous() { ", ambiguous" } else { "" }
        ))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(o) = other.cast::<PyMention>() else {
            return Ok(false);
        };
        let o = o.get();
        Ok(self.start == o.start
            && self.end == o.end
            && self.entity == o.entity
            && self.local == o.local
            && Arc::ptr_eq(&self.gazetteer, &o.gazetteer)
            && self.form == o.form
            && self.doc.bind(py).as_any().eq(o.doc.bind(py))?)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (self.start, self.end, self.describe().id, self.form).hash(&mut h);
        h.finish()
    }
}
