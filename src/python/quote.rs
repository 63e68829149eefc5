//! `Quote` and `Source`: direct quotations and the speakers numbers are attributed to.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::gazetteer::LocalEntity;
use crate::quotes::{Quote, Source, Speaker};

use super::args::{slice, slice_opt};
use super::gazetteer::Shared;

/// Speaker fields shared by Quote and Source, in characters; id and name are looked up on access.
pub(super) struct SpeakerFields {
    pub(super) span: Option<(usize, usize)>,
    pub(super) entity: Option<u32>,
    pub(super) local: Option<Arc<LocalEntity>>,
    pub(super) antecedent: Option<(usize, usize)>,
    pub(super) shared: Arc<Shared>,
}

impl SpeakerFields {
    pub(super) fn new(shared: &Arc<Shared>, s: Option<&Speaker>) -> SpeakerFields {
        SpeakerFields {
            span: s.map(|s| (s.span.char_start, s.span.char_end)),
            entity: s.and_then(|s| s.entity),
            local: s.and_then(|s| s.local.clone()),
            antecedent: s
                .and_then(|s| s.antecedent)
                .map(|a| (a.char_start, a.char_end)),
            shared: shared.clone(),
        }
    }

    pub(super) fn text<'py>(
        &self,
        py: Python<'py>,
        doc: &Py<PyString>,
    ) -> PyResult<Option<Bound<'py, PyString>>> {
        slice_opt(doc.bind(py), self.span)
    }

    pub(super) fn id<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyString>> {
        match &self.local {
            Some(l) => Some(PyString::new(py, &l.id)),
            None => self.entity.map(|e| self.shared.id(py, e)),
        }
    }

    pub(super) fn name(&self) -> Option<&str> {
        match &self.local {
            Some(l) => Some(&l.name),
            None => self
                .entity
                .map(|e| self.shared.core.entity(e as usize).name()),
        }
    }

    pub(super) fn fill<'py>(
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
    pub(super) start: usize,
    #[pyo3(get)]
    pub(super) end: usize,
    pub(super) doc: Py<PyString>,
    /// `(start, end)` of the quoted words in each paragraph the quote spans.
    #[pyo3(get)]
    pub(super) paragraphs: Vec<(usize, usize)>,
    pub(super) spk: SpeakerFields,
    pub(super) verb_span: Option<(usize, usize)>,
    /// An embedded fragment (`were "alarming"`) rather than a full quoted sentence.
    #[pyo3(get)]
    pub(super) partial: bool,
    /// Whether a closing mark was found (an unclosed quote ends at its paragraph's end).
    #[pyo3(get)]
    pub(super) closed: bool,
    /// How the speaker was found: after, before, colon, dash, sentence, continued or none.
    #[pyo3(get)]
    pub(super) cue: &'static str,
}

impl PyQuote {
    /// `text` is the document's text, `shared` its gazetteer.
    pub(super) fn from_core(
        py: Python<'_>,
        text: &Py<PyString>,
        shared: &Arc<Shared>,
        q: &Quote,
    ) -> PyQuote {
        PyQuote {
            start: q.span.char_start,
            end: q.span.char_end,
            doc: text.clone_ref(py),
            paragraphs: q
                .paragraphs
                .iter()
                .map(|p| (p.char_start, p.char_end))
                .collect(),
            spk: SpeakerFields::new(shared, q.speaker.as_ref()),
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
    pub(super) fn speaker_text<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Option<Bound<'py, PyString>>> {
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
        slice_opt(self.doc.bind(py), self.verb_span)
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
    pub(super) fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
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
    pub(super) doc: Py<PyString>,
    pub(super) spk: SpeakerFields,
    pub(super) verb_span: Option<(usize, usize)>,
    /// Index into `doc.quotes` of the quote the number sits in, or None.
    #[pyo3(get)]
    pub(super) quote: Option<usize>,
}

impl PySource {
    /// `text` is the document's text, `shared` its gazetteer.
    pub(super) fn from_core(
        py: Python<'_>,
        text: &Py<PyString>,
        shared: &Arc<Shared>,
        s: &Source,
    ) -> PySource {
        PySource {
            doc: text.clone_ref(py),
            spk: SpeakerFields::new(shared, Some(&s.speaker)),
            verb_span: s.verb.map(|v| (v.char_start, v.char_end)),
            quote: s.quote,
        }
    }
}

#[pymethods]
impl PySource {
    /// The speaker's words in the text.
    #[getter]
    pub(super) fn speaker_text<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
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
        slice_opt(self.doc.bind(py), self.verb_span)
    }

    /// Plain JSON-able data.
    pub(super) fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
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
