//! The Python extension `wirescan._core`: type conversion, error mapping, GIL release.
//!
//! Nothing here decides behaviour; it converts Python objects to core types, calls the core with
//! the GIL released, catches panics, and converts results back.

mod convert;

use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use pyo3::exceptions::{PyKeyboardInterrupt, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyList, PySlice, PyString, PyTuple, PyType};

use crate::error::{Error, ErrorKind};
use crate::gazetteer::{Gazetteer, GazetteerOptions, MatchOptions, OnConflict};
use crate::numbers::{Number, NumberOptions};
use crate::pipeline::{self, ExtractOptions, Extractor};
use crate::quotes::{Quote, Source, Speaker};

use convert::{json_to_py, py_to_json};

#[global_allocator]
static ALLOC: crate::alloc::Alloc = crate::alloc::Alloc;

/// Returns the memory a gazetteer build freed to the OS now. mimalloc purges freed memory a
/// second after it is freed, but only when it is next called on that thread; without this, a
/// 1M-alias build leaves ~190 MB of freed construction memory (the intermediate automaton, the
/// parsed records) resident until the process next allocates. Runs on this thread and on every
/// thread of the default pool, where the build ran.
fn release_freed_memory() {
    // SAFETY: mi_collect touches only the calling thread's heap and mimalloc's shared arenas.
    unsafe { libmimalloc_sys::mi_collect(true) };
    if let Ok(pool) = pipeline::thread_pool(0) {
        pool.broadcast(|_| unsafe { libmimalloc_sys::mi_collect(true) });
    }
}

/// Builds `g`'s automaton if it is not built yet, then releases the build's garbage.
fn ensure_compiled(py: Python<'_>, g: &Arc<Gazetteer>) -> PyResult<()> {
    if !g.is_compiled() {
        py.detach(|| guarded(|| g.compile()))
            .map_err(|e| to_py_err(py, e))?;
        release_freed_memory();
    }
    Ok(())
}

/// Runs `f`, turning a panic into an internal error.
fn guarded<T>(f: impl FnOnce() -> crate::Result<T>) -> crate::Result<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            Err(Error::new(
                ErrorKind::Internal,
                format!("internal error (a bug in wirescan, please report it): {msg}"),
            ))
        }
    }
}

fn error_class<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyType>> {
    static ERRORS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    let m = ERRORS.get_or_try_init(py, || -> PyResult<_> {
        Ok(py.import("wirescan.errors")?.unbind())
    })?;
    Ok(m.bind(py).getattr(name)?.cast_into::<PyType>()?)
}

/// Maps a core error to its Python exception (classes defined in `wirescan.errors`).
fn to_py_err(py: Python<'_>, e: Error) -> PyErr {
    let name = match e.kind() {
        ErrorKind::Gazetteer => "GazetteerError",
        ErrorKind::Text => "TextError",
        ErrorKind::Option => "OptionError",
        ErrorKind::Internal => "InternalError",
        ErrorKind::Cancelled => return PyKeyboardInterrupt::new_err(e.to_string()),
    };
    match error_class(py, name) {
        Ok(cls) => match e.kind() {
            ErrorKind::Gazetteer => PyErr::from_type(cls, (e.to_string(), e.record())),
            _ => PyErr::from_type(cls, (e.to_string(),)),
        },
        Err(_) => PyValueError::new_err(e.to_string()),
    }
}

/// A text borrowed from a Python `str`, or a copy with lone surrogates replaced by U+FFFD (one
/// replacement character per surrogate, so character offsets still index the caller's string).
struct TextArg<'a> {
    text: Cow<'a, str>,
}

impl<'a> TextArg<'a> {
    fn new(obj: &'a Bound<'_, PyAny>, what: &dyn Fn() -> String) -> PyResult<TextArg<'a>> {
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

/// A gazetteer: entities with aliases, compiled lazily into an automaton.
#[pyclass(module = "wirescan._core", name = "Gazetteer", frozen)]
pub struct PyGazetteer {
    inner: Arc<Shared>,
}

/// A core gazetteer and the ids of mentioned entities as Python strings, made once each. Slots
/// come in chunks of `ID_CHUNK`, allocated when one of their entities is first mentioned, so a
/// 1M-entity gazetteer pays a few kilobytes up front.
pub struct Shared {
    core: Arc<Gazetteer>,
    ids: Box<[std::sync::OnceLock<IdChunk>]>,
}

/// `ID_CHUNK` slots for entity ids as Python strings.
type IdChunk = Box<[PyOnceLock<Py<PyString>>]>;

const ID_CHUNK: usize = 256;

impl Shared {
    /// Wraps a gazetteer just built, and hands the build's freed memory back to the OS.
    fn new(core: Gazetteer) -> Arc<Shared> {
        release_freed_memory();
        let chunks = core.len().div_ceil(ID_CHUNK);
        Arc::new(Shared {
            core: Arc::new(core),
            ids: (0..chunks).map(|_| std::sync::OnceLock::new()).collect(),
        })
    }

    /// Wraps a small gazetteer (a restored document's entities), with no memory release.
    fn small(core: Gazetteer) -> Arc<Shared> {
        let chunks = core.len().div_ceil(ID_CHUNK);
        Arc::new(Shared {
            core: Arc::new(core),
            ids: (0..chunks).map(|_| std::sync::OnceLock::new()).collect(),
        })
    }

    fn id<'py>(&self, py: Python<'py>, entity: u32) -> Bound<'py, PyString> {
        let e = entity as usize;
        let chunk = self.ids[e / ID_CHUNK]
            .get_or_init(|| (0..ID_CHUNK).map(|_| PyOnceLock::new()).collect());
        chunk[e % ID_CHUNK]
            .get_or_init(py, || PyString::new(py, self.core.entity(e).id()).unbind())
            .bind(py)
            .clone()
    }
}

fn options_from(strip_diacritics: bool, auto_surnames: bool) -> GazetteerOptions {
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
                to_py_err(
                    py,
                    Error::gazetteer(Some(idx), format!("cannot read record: {m}")),
                )
            })?;
            values.push(v);
        }
        let opts = options_from(strip_diacritics, auto_surnames);
        let g = py
            .detach(|| guarded(|| Gazetteer::from_records(values, opts)))
            .map_err(|e| to_py_err(py, e))?;
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
            .map_err(|e| to_py_err(py, e))?;
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
        .map_err(|e| PyValueError::new_err(e.to_string()))
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
        let oc = OnConflict::parse(on_conflict).ok_or_else(|| {
            PyValueError::new_err(format!(
                "on_conflict must be 'error', 'replace' or 'keep', not {on_conflict:?}"
            ))
        })?;
        let (a, b) = (self.inner.core.clone(), other.inner.core.clone());
        let g = py
            .detach(|| guarded(|| a.merge(&b, oc)))
            .map_err(|e| to_py_err(py, e))?;
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
        let g = py
            .detach(|| guarded(|| g.exclude(&ids, &kinds)))
            .map_err(|e| to_py_err(py, e))?;
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

/// One mention of a gazetteer entity.
#[pyclass(module = "wirescan._core", name = "Mention", frozen)]
pub struct PyMention {
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    /// The whole document; `text` is sliced from it on access.
    doc: Py<PyString>,
    #[pyo3(get)]
    form: &'static str,
    entity: u32,
    candidates: Vec<u32>,
    ambiguous: bool,
    gazetteer: Arc<Shared>,
}

impl PyMention {
    fn entity(&self) -> crate::gazetteer::EntityRef<'_> {
        self.gazetteer.core.entity(self.entity as usize)
    }
}

#[pymethods]
impl PyMention {
    /// The matched text: `doc.text[start:end]`.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        let slice = PySlice::new(py, self.start as isize, self.end as isize, 1);
        Ok(self.doc.bind(py).get_item(slice)?.cast_into::<PyString>()?)
    }

    /// The entity's id.
    #[getter]
    fn entity_id<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        self.gazetteer.id(py, self.entity)
    }

    /// The entity's canonical name.
    #[getter]
    fn name(&self) -> &str {
        self.entity().name()
    }

    /// The entity's kind.
    #[getter]
    fn kind(&self) -> &str {
        self.entity().kind()
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
        json_to_py(
            py,
            &serde_json::Value::Object(self.entity().attributes().clone()),
        )
    }

    /// Plain JSON-able data.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", self.text(py)?)?;
        d.set_item("entity_id", self.entity_id(py))?;
        d.set_item("name", self.name())?;
        d.set_item("kind", self.kind())?;
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
            self.entity().id(),
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
            && Arc::ptr_eq(&self.gazetteer, &o.gazetteer)
            && self.form == o.form
            && self.doc.bind(py).as_any().eq(o.doc.bind(py))?)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (self.start, self.end, self.entity().id(), self.form).hash(&mut h);
        h.finish()
    }
}

/// One number: its value, what it counts, and how sure the text is.
#[pyclass(module = "wirescan._core", name = "Number", frozen)]
pub struct PyNumber {
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    doc: Py<PyString>,
    /// The value; None when a non-count (`include_non_counts`) has none.
    #[pyo3(get)]
    value: Option<f64>,
    #[pyo3(get)]
    low: Option<f64>,
    #[pyo3(get)]
    high: Option<f64>,
    #[pyo3(get)]
    kind: &'static str,
    #[pyo3(get)]
    vague: bool,
    #[pyo3(get)]
    unit: Option<&'static str>,
    #[pyo3(get)]
    approx: Option<&'static str>,
    approx_span: Option<(usize, usize)>,
    object_span: Option<(usize, usize)>,
    head_span: Option<(usize, usize)>,
    /// Who the number is attributed to, when it is quoted or reported speech.
    #[pyo3(get)]
    source: Option<Py<PySource>>,
}

fn slice<'py>(doc: &Bound<'py, PyString>, span: (usize, usize)) -> PyResult<Bound<'py, PyString>> {
    let py = doc.py();
    Ok(doc
        .get_item(PySlice::new(py, span.0 as isize, span.1 as isize, 1))?
        .cast_into::<PyString>()?)
}

impl PyNumber {
    fn from_core(
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
        self.object_span
            .map(|s| slice(self.doc.bind(py), s))
            .transpose()
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
        self.head_span
            .map(|s| slice(self.doc.bind(py), s))
            .transpose()
    }

    /// Plain JSON-able data.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
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

/// Speaker fields shared by Quote and Source, in characters; id and name are looked up on access.
struct SpeakerFields {
    span: Option<(usize, usize)>,
    entity: Option<u32>,
    antecedent: Option<(usize, usize)>,
    shared: Arc<Shared>,
}

impl SpeakerFields {
    fn new(doc: &PyDocument, s: Option<&Speaker>) -> SpeakerFields {
        SpeakerFields {
            span: s.map(|s| (s.span.char_start, s.span.char_end)),
            entity: s.and_then(|s| s.entity),
            antecedent: s
                .and_then(|s| s.antecedent)
                .map(|a| (a.char_start, a.char_end)),
            shared: doc.shared.clone(),
        }
    }

    fn text<'py>(
        &self,
        py: Python<'py>,
        doc: &Py<PyString>,
    ) -> PyResult<Option<Bound<'py, PyString>>> {
        self.span.map(|s| slice(doc.bind(py), s)).transpose()
    }

    fn id<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyString>> {
        self.entity.map(|e| self.shared.id(py, e))
    }

    fn name(&self) -> Option<&str> {
        self.entity
            .map(|e| self.shared.core.entity(e as usize).name())
    }

    fn fill<'py>(
        &self,
        py: Python<'py>,
        doc: &Py<PyString>,
        d: &Bound<'py, PyDict>,
    ) -> PyResult<()> {
        d.set_item("speaker_text", self.text(py, doc)?)?;
        d.set_item("speaker_start", self.span.map(|s| s.0))?;
        d.set_item("speaker_end", self.span.map(|s| s.1))?;
        d.set_item("speaker_id", self.id(py))?;
        d.set_item("speaker_name", self.name())?;
        d.set_item("antecedent", self.antecedent)?;
        Ok(())
    }
}

/// A direct quotation and who said it. `text` is the content inside the marks:
/// `doc.text[q.start:q.end] == q.text`.
#[pyclass(module = "wirescan._core", name = "Quote", frozen)]
pub struct PyQuote {
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    doc: Py<PyString>,
    /// `(start, end)` of the quoted words in each paragraph the quote spans.
    #[pyo3(get)]
    paragraphs: Vec<(usize, usize)>,
    spk: SpeakerFields,
    verb_span: Option<(usize, usize)>,
    /// An embedded fragment (`were "alarming"`) rather than a full quoted sentence.
    #[pyo3(get)]
    partial: bool,
    /// Whether a closing mark was found (an unclosed quote ends at its paragraph's end).
    #[pyo3(get)]
    closed: bool,
    /// How the speaker was found: after, before, colon, dash, sentence, continued or none.
    #[pyo3(get)]
    cue: &'static str,
}

impl PyQuote {
    fn from_core(py: Python<'_>, doc: &PyDocument, q: &Quote) -> PyQuote {
        PyQuote {
            start: q.span.char_start,
            end: q.span.char_end,
            doc: doc.text.clone_ref(py),
            paragraphs: q
                .paragraphs
                .iter()
                .map(|p| (p.char_start, p.char_end))
                .collect(),
            spk: SpeakerFields::new(doc, q.speaker.as_ref()),
            verb_span: q.verb.map(|v| (v.char_start, v.char_end)),
            partial: q.partial,
            closed: q.closed,
            cue: q.cue.as_str(),
        }
    }
}

#[pymethods]
impl PyQuote {
    /// The quoted words.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        slice(self.doc.bind(py), (self.start, self.end))
    }

    /// The speaker's words in the text (`he`, `the spy agency`, `Lim Eul-chul`), or None.
    #[getter]
    fn speaker_text<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyString>>> {
        self.spk.text(py, &self.doc)
    }

    #[getter]
    fn speaker_start(&self) -> Option<usize> {
        self.spk.span.map(|s| s.0)
    }

    #[getter]
    fn speaker_end(&self) -> Option<usize> {
        self.spk.span.map(|s| s.1)
    }

    /// The gazetteer id of the speaker, or None.
    #[getter]
    fn speaker_id<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyString>> {
        self.spk.id(py)
    }

    /// The canonical name of the speaker's entity, or None.
    #[getter]
    fn speaker_name(&self) -> Option<&str> {
        self.spk.name()
    }

    /// For a pronoun or role noun: the `(start, end)` of what it was resolved to.
    #[getter]
    fn antecedent(&self) -> Option<(usize, usize)> {
        self.spk.antecedent
    }

    /// The speech verb (`said`, `told`, `according to`), or None.
    #[getter]
    fn verb<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyString>>> {
        self.verb_span
            .map(|s| slice(self.doc.bind(py), s))
            .transpose()
    }

    #[getter]
    fn verb_start(&self) -> Option<usize> {
        self.verb_span.map(|s| s.0)
    }

    #[getter]
    fn verb_end(&self) -> Option<usize> {
        self.verb_span.map(|s| s.1)
    }

    /// Plain JSON-able data.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", self.text(py)?)?;
        self.spk.fill(py, &self.doc, &d)?;
        d.set_item("verb", self.verb(py)?)?;
        d.set_item("partial", self.partial)?;
        d.set_item("closed", self.closed)?;
        d.set_item("cue", self.cue)?;
        d.set_item("paragraphs", self.paragraphs.clone())?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text = self.text(py)?.to_string();
        let short: String = if text.chars().count() > 60 {
            text.chars().take(57).chain("...".chars()).collect()
        } else {
            text
        };
        let who = match (self.speaker_text(py)?, self.spk.name()) {
            (Some(t), Some(n)) if t.to_str()? != n => {
                format!(" speaker={:?} ({n})", t.to_string())
            }
            (Some(t), _) => format!(" speaker={:?}", t.to_string()),
            _ => String::new(),
        };
        let partial = if self.partial { " partial" } else { "" };
        Ok(format!(
            "<Quote {short:?} [{}:{}]{who}{partial}>",
            self.start, self.end
        ))
    }
}

/// Who a number is attributed to: the speaker of the quote it sits in, or of the reported
/// speech in its sentence (`according to X`, `X said`).
#[pyclass(module = "wirescan._core", name = "Source", frozen)]
pub struct PySource {
    doc: Py<PyString>,
    spk: SpeakerFields,
    verb_span: Option<(usize, usize)>,
    /// Index into `doc.quotes` of the quote the number sits in, or None.
    #[pyo3(get)]
    quote: Option<usize>,
}

impl PySource {
    fn from_core(py: Python<'_>, doc: &PyDocument, s: &Source) -> PySource {
        PySource {
            doc: doc.text.clone_ref(py),
            spk: SpeakerFields::new(doc, Some(&s.speaker)),
            verb_span: s.verb.map(|v| (v.char_start, v.char_end)),
            quote: s.quote,
        }
    }
}

#[pymethods]
impl PySource {
    /// The speaker's words in the text.
    #[getter]
    fn speaker_text<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        Ok(self
            .spk
            .text(py, &self.doc)?
            .unwrap_or_else(|| PyString::new(py, "")))
    }

    #[getter]
    fn speaker_start(&self) -> usize {
        self.spk.span.map_or(0, |s| s.0)
    }

    #[getter]
    fn speaker_end(&self) -> usize {
        self.spk.span.map_or(0, |s| s.1)
    }

    /// The gazetteer id of the speaker, or None.
    #[getter]
    fn speaker_id<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyString>> {
        self.spk.id(py)
    }

    /// The canonical name of the speaker's entity, or None.
    #[getter]
    fn speaker_name(&self) -> Option<&str> {
        self.spk.name()
    }

    /// For a pronoun or role noun: the `(start, end)` of what it was resolved to.
    #[getter]
    fn antecedent(&self) -> Option<(usize, usize)> {
        self.spk.antecedent
    }

    /// The speech verb or phrase (`said`, `according to`), or None.
    #[getter]
    fn verb<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyString>>> {
        self.verb_span
            .map(|s| slice(self.doc.bind(py), s))
            .transpose()
    }

    /// Plain JSON-able data.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        self.spk.fill(py, &self.doc, &d)?;
        d.set_item("verb", self.verb(py)?)?;
        d.set_item("quote", self.quote)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let id = match self.spk.id(py) {
            Some(i) => format!(" id={i}"),
            None => String::new(),
        };
        Ok(format!("<Source {}{id}>", self.speaker_text(py)?.repr()?))
    }
}

/// The structured facts found in one text. Mention objects are made on first access to
/// `entities`, so a batch call returns as soon as the (parallel) work is done.
#[pyclass(module = "wirescan._core", name = "Document", frozen)]
pub struct PyDocument {
    #[pyo3(get)]
    text: Py<PyString>,
    core: crate::pipeline::Document,
    shared: Arc<Shared>,
    entities: PyOnceLock<Py<PyList>>,
    numbers: PyOnceLock<Py<PyList>>,
    quotes: PyOnceLock<Py<PyList>>,
    sentences: PyOnceLock<Vec<(usize, usize)>>,
}

impl PyDocument {
    fn entity_list<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyList>> {
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
            for (i, n) in self.core.numbers.iter().enumerate() {
                let src = match self.core.number_sources.get(i).and_then(|s| s.as_ref()) {
                    Some(s) => Some(Py::new(py, PySource::from_core(py, self, s))?),
                    None => None,
                };
                objs.push(Bound::new(py, PyNumber::from_core(py, &self.text, n, src))?);
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
                objs.push(Bound::new(py, PyQuote::from_core(py, self, q))?);
            }
            Ok(PyList::new(py, objs)?.unbind())
        })?;
        Ok(list.bind(py).clone())
    }

    /// HTML for notebooks: entities by kind, numbers, quotes with their speakers, a legend.
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        slf.py()
            .import("wirescan._display")?
            .call_method1("document_html", (slf,))?
            .extract()
    }

    /// spaCy displaCy's manual format (`displacy.render(d, style="ent", manual=True)`);
    /// `labels="spacy"` uses spaCy's label names.
    #[pyo3(signature = (labels="wirescan"))]
    fn to_displacy<'py>(slf: &Bound<'py, Self>, labels: &str) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("wirescan._display")?
            .call_method1("to_displacy", (slf, labels))
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
                let spans = py
                    .detach(|| guarded(|| Ok(crate::text::sentences::split(text))))
                    .map_err(|e| to_py_err(py, e))?;
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
    fn to_dict<'py>(&self, py: Python<'py>, sentences: bool) -> PyResult<Bound<'py, PyDict>> {
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
            let n = self.shared.core.entity(m.entity as usize).name();
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

fn build_document(
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

/// Extracts entities from texts with one gazetteer.
#[pyclass(module = "wirescan._core", name = "Extractor", frozen)]
pub struct PyExtractor {
    inner: Extractor,
    shared: Arc<Shared>,
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (gazetteer, *, overlapping=false, numbers=true, include_non_counts=false, quotes=true))]
    fn new(
        gazetteer: &PyGazetteer,
        overlapping: bool,
        numbers: bool,
        include_non_counts: bool,
        quotes: bool,
    ) -> PyExtractor {
        let opts = ExtractOptions {
            matching: MatchOptions { overlapping },
            numbers: numbers.then_some(NumberOptions { include_non_counts }),
            quotes,
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
        let doc = py
            .detach(|| guarded(|| x.extract(t)))
            .map_err(|e| to_py_err(py, e))?;
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
        let g = self.inner.gazetteer();
        ensure_compiled(py, g)?;
        let matching = self.inner.options().matching;
        let mentions = py
            .detach(|| guarded(|| g.find(t, matching)))
            .map_err(|e| to_py_err(py, e))?;
        let items = mentions.iter().map(|m| {
            (
                m.span.char_start,
                m.span.char_end,
                self.shared.id(py, m.entity),
            )
        });
        PyList::new(py, items)
    }

    /// Extracts `texts` (a list of str) and returns one frame's rows as Arrow-layout columns:
    /// `(rows, [(name, type, values, offsets, validity), ...])` with `type` one of `int64`,
    /// `float64`, `bool`, `large_string`; buffers are bytes (offsets only for strings, validity a
    /// bitmap or None). `doc` numbers the texts from `doc_base`.
    #[pyo3(signature = (texts, what, n_threads=None, doc_base=0))]
    fn columns<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        what: &str,
        n_threads: Option<usize>,
        doc_base: usize,
    ) -> PyResult<ColumnsOut<'py>> {
        let mut all = self.columns_many(py, texts, vec![what.to_string()], n_threads, doc_base)?;
        Ok(all.remove(0))
    }

    /// As `columns`, for several frames of one extraction: one result per item of `whats`.
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
            .map(|w| {
                crate::frames::What::parse(w).ok_or_else(|| {
                    PyValueError::new_err(format!(
                        "what must be 'entities', 'numbers' or 'quotes', not {w:?}"
                    ))
                })
            })
            .collect::<PyResult<Vec<_>>>()?;
        let objs: Vec<Bound<'_, PyAny>> = texts.try_iter()?.collect::<PyResult<_>>()?;
        let args: Vec<TextArg<'_>> = objs
            .iter()
            .enumerate()
            .map(|(i, o)| TextArg::new(o, &|| format!("texts[{i}]")))
            .collect::<PyResult<_>>()?;
        let strs: Vec<&str> = args.iter().map(|a| a.text.as_ref()).collect();
        // Only the stages these tables need (an entity table does not pay for numbers and
        // quotes).
        let restricted = self.inner.for_outputs(crate::frames::What::needs(&whats));
        let x = &restricted;
        let n = n_threads.unwrap_or(0);
        let docs = watched_batch(py, x, &strs, n, None)?
            .into_iter()
            .collect::<crate::Result<Vec<_>>>()
            .map_err(|e| to_py_err(py, e))?;
        let sets = py
            .detach(|| {
                guarded(|| {
                    Ok(whats
                        .iter()
                        .map(|&w| crate::frames::columns(w, &strs, &docs, x.gazetteer(), doc_base))
                        .collect::<Vec<_>>())
                })
            })
            .map_err(|e| to_py_err(py, e))?;
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
        let args: Vec<TextArg<'_>> = objs
            .iter()
            .enumerate()
            .map(|(i, o)| TextArg::new(o, &|| format!("texts[{i}]")))
            .collect::<PyResult<_>>()?;
        let strs: Vec<&str> = args.iter().map(|a| a.text.as_ref()).collect();
        let x = &self.inner;
        ensure_compiled(py, x.gazetteer())?;
        let n = n_threads.unwrap_or(0);
        let results = watched_batch(py, x, &strs, n, progress.as_ref())?;
        let mut docs = Vec::with_capacity(results.len());
        for (obj, r) in objs.iter().zip(results) {
            let d = r.map_err(|e| to_py_err(py, e))?;
            docs.push(build_document(obj, d, &self.shared)?);
        }
        if let Some(f) = &progress {
            f.call1(py, (docs.len(),))?;
        }
        Ok(docs)
    }
}

/// How often a batch running without the GIL looks for Ctrl-C and reports progress.
const TICK: std::time::Duration = std::time::Duration::from_millis(100);

/// Extracts `strs` with the GIL released, the calling thread taking part; between its texts,
/// every `TICK` at most, it takes the GIL back to check for Ctrl-C and to call
/// `progress(done)`. The first exception from either stops the batch and is returned.
fn watched_batch(
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
        None => results.map_err(|e| to_py_err(py, e)),
    }
}

type ColumnsOut<'py> = (usize, Vec<Bound<'py, PyTuple>>);

fn columns_to_py<'py>(py: Python<'py>, cols: &crate::frames::Columns) -> PyResult<ColumnsOut<'py>> {
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
fn le_bytes<'py, const N: usize>(
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
fn columns_from_documents<'py>(
    py: Python<'py>,
    docs: Vec<Bound<'py, PyDocument>>,
    what: &str,
) -> PyResult<ColumnsOut<'py>> {
    let what = crate::frames::What::parse(what).ok_or_else(|| {
        PyValueError::new_err(format!(
            "what must be 'entities', 'numbers' or 'quotes', not {what:?}"
        ))
    })?;
    let refs: Vec<&PyDocument> = docs.iter().map(|d| d.get()).collect();
    let Some(first) = refs.first() else {
        let g = Gazetteer::from_records(Vec::new(), GazetteerOptions::default())
            .map_err(|e| to_py_err(py, e))?;
        let empty: [&crate::pipeline::Document; 0] = [];
        return columns_to_py(py, &crate::frames::columns(what, &[], &empty, &g, 0));
    };
    if refs.iter().any(|d| !Arc::ptr_eq(&d.shared, &first.shared)) {
        return Err(PyValueError::new_err(
            "documents come from different gazetteers; build one frame per gazetteer",
        ));
    }
    let texts: Vec<Bound<'py, PyString>> = refs.iter().map(|d| d.text.bind(py).clone()).collect();
    let args: Vec<TextArg<'_>> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| TextArg::new(t.as_any(), &|| format!("docs[{i}].text")))
        .collect::<PyResult<_>>()?;
    let strs: Vec<&str> = args.iter().map(|a| a.text.as_ref()).collect();
    let cores: Vec<&crate::pipeline::Document> = refs.iter().map(|d| &d.core).collect();
    let g = &first.shared.core;
    let cols = py.detach(|| crate::frames::columns(what, &strs, &cores, g, 0));
    columns_to_py(py, &cols)
}

/// Threads a batch uses when none are asked for (`WIRESCAN_NUM_THREADS`, else the core count).
/// What a pickled Document holds: the state format, the text, the results as JSON.
type DocumentState = (u64, Py<PyString>, String);

/// Rebuilds a pickled Document (see `Document.__reduce__`).
#[pyfunction]
fn _restore_document(
    py: Python<'_>,
    format: u64,
    text: Bound<'_, PyString>,
    state: &str,
) -> PyResult<PyDocument> {
    if format != crate::state::STATE_FORMAT {
        return Err(to_py_err(
            py,
            crate::Error::new(
                ErrorKind::Option,
                format!(
                    "pickled document has format {format}; this wirescan reads {}",
                    crate::state::STATE_FORMAT
                ),
            ),
        ));
    }
    let (doc, gazetteer) = py
        .detach(|| guarded(|| crate::state::from_json(state)))
        .map_err(|e| to_py_err(py, e))?;
    let n_chars = text.len()?;
    let out_of_range = doc.entities.iter().any(|m| m.span.char_end > n_chars)
        || doc.numbers.iter().any(|n| n.span.char_end > n_chars)
        || doc.quotes.iter().any(|q| q.span.char_end > n_chars);
    if out_of_range {
        return Err(to_py_err(
            py,
            crate::Error::new(
                ErrorKind::Option,
                "pickled document: a span lies outside its text",
            ),
        ));
    }
    build_document(text.as_any(), doc, &Shared::small(gazetteer))
}

#[pyfunction]
fn max_threads() -> usize {
    pipeline::max_threads()
}

#[pyfunction]
fn default_threads() -> usize {
    pipeline::default_threads()
}

/// Test hook: panics inside the core, on this thread ("here") or a pool thread ("pool"), so tests
/// can check that a panic surfaces as `wirescan.InternalError` and never aborts the interpreter.
#[pyfunction]
fn _panic_for_tests(py: Python<'_>, place: &str) -> PyResult<()> {
    let pool = place == "pool";
    py.detach(|| {
        guarded(|| {
            if pool {
                let g = Arc::new(Gazetteer::from_records(
                    Vec::new(),
                    GazetteerOptions::default(),
                )?);
                let x = Extractor::new(g, ExtractOptions::default());
                let texts = ["a", "b"];
                let _ = x.extract_batch(&texts, 2)?;
                rayon::scope(|_| panic!("deliberate test panic on a pool thread"));
            }
            panic!("deliberate test panic")
        })
    })
    .map_err(|e| to_py_err(py, e))
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyGazetteer>()?;
    m.add_class::<PyExtractor>()?;
    m.add_class::<PyDocument>()?;
    m.add_class::<PyMention>()?;
    m.add_class::<PyNumber>()?;
    m.add_class::<PyQuote>()?;
    m.add_class::<PySource>()?;
    m.add_function(wrap_pyfunction!(default_threads, m)?)?;
    m.add_function(wrap_pyfunction!(max_threads, m)?)?;
    m.add_function(wrap_pyfunction!(_restore_document, m)?)?;
    m.add_function(wrap_pyfunction!(columns_from_documents, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
