//! Core errors as Python exceptions, panics as `InternalError`, and the Python-side modules the
//! package hands in once at import (`wirescan.errors`, `wirescan._display`), so that nothing here
//! imports back into the package.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::{PyKeyboardInterrupt, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyModule;

use crate::error::{Error, ErrorKind};

/// The package's exception classes and display helpers, set once by `_connect`.
struct PythonSide {
    errors: Py<PyModule>,
    display: Py<PyModule>,
}

static PYTHON_SIDE: PyOnceLock<PythonSide> = PyOnceLock::new();

/// Called once by `wirescan/__init__.py`: the module defining the exception classes and the one
/// rendering documents for notebooks. A second call is ignored.
#[pyfunction]
pub(super) fn _connect(py: Python<'_>, errors: Bound<'_, PyModule>, display: Bound<'_, PyModule>) {
    let _ = PYTHON_SIDE.set(
        py,
        PythonSide {
            errors: errors.unbind(),
            display: display.unbind(),
        },
    );
}

/// The display module handed in by `_connect`.
pub(super) fn display_module(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    PYTHON_SIDE
        .get(py)
        .map(|s| s.display.bind(py))
        .ok_or_else(|| PyRuntimeError::new_err("wirescan._core used without the wirescan package"))
}

/// Runs `f`, turning a panic into an internal error.
pub(super) fn guarded<T>(f: impl FnOnce() -> crate::Result<T>) -> crate::Result<T> {
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

/// Runs `f` with the GIL released and panics caught: how every core call is made.
pub(super) fn detached<T: Send>(
    py: Python<'_>,
    f: impl FnOnce() -> crate::Result<T> + Send,
) -> PyResult<T> {
    Ok(py.detach(|| guarded(f))?)
}

/// Maps a core error to its Python exception (the classes of `wirescan.errors`; `ValueError` or
/// `RuntimeError` if the package did not connect).
impl From<Error> for PyErr {
    fn from(e: Error) -> PyErr {
        let name = match e.kind() {
            ErrorKind::Gazetteer => "GazetteerError",
            ErrorKind::Text => "TextError",
            ErrorKind::Option => "OptionError",
            ErrorKind::Internal => "InternalError",
            ErrorKind::Cancelled => return PyKeyboardInterrupt::new_err(e.to_string()),
        };
        Python::attach(|py| {
            let class = PYTHON_SIDE
                .get(py)
                .and_then(|s| s.errors.bind(py).getattr(name).ok())
                .and_then(|c| c.cast_into::<pyo3::types::PyType>().ok());
            match (class, e.kind()) {
                (Some(cls), ErrorKind::Gazetteer) => {
                    PyErr::from_type(cls, (e.to_string(), e.record()))
                }
                (Some(cls), _) => PyErr::from_type(cls, (e.to_string(),)),
                (None, ErrorKind::Internal) => PyRuntimeError::new_err(e.to_string()),
                (None, _) => PyValueError::new_err(e.to_string()),
            }
        })
    }
}
