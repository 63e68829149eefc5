//! The Python extension `wirescan._core`: type conversion, error mapping, GIL release.
//!
//! Nothing here decides behaviour; it converts Python objects to core types, calls the core with
//! the GIL released (`errors::detached`, which also turns a panic into `InternalError`), and
//! converts results back. One file per class, plus the text-argument reader (`args`), the error
//! mapping (`errors`), JSON conversion (`convert`) and frame buffers (`frames`).

mod args;
mod convert;
mod document;
mod errors;
mod extractor;
mod frames;
mod gazetteer;
mod mention;
mod number;
mod quote;

use pyo3::prelude::*;

#[global_allocator]
static ALLOC: crate::runtime::alloc::Alloc = crate::runtime::alloc::Alloc;

/// The most threads a call may ask for (4 per core, at least 32, at most 1,024).
#[pyfunction]
fn max_threads() -> usize {
    crate::runtime::max_threads()
}

/// Threads a batch uses when none are asked for (`WIRESCAN_NUM_THREADS`, else the core count).
#[pyfunction]
fn default_threads() -> usize {
    crate::runtime::default_threads()
}

/// Test hook: panics inside the core, on this thread ("here") or a pool thread ("pool"), so tests
/// can check that a panic surfaces as `wirescan.InternalError` and never aborts the interpreter.
#[pyfunction]
fn _panic_for_tests(py: Python<'_>, place: &str) -> PyResult<()> {
    let on_pool = place == "pool";
    errors::detached(py, || crate::runtime::deliberate_panic(on_pool))
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<gazetteer::PyGazetteer>()?;
    m.add_class::<extractor::PyExtractor>()?;
    m.add_class::<document::PyDocument>()?;
    m.add_class::<mention::PyMention>()?;
    m.add_class::<number::PyNumber>()?;
    m.add_class::<quote::PyQuote>()?;
    m.add_class::<quote::PySource>()?;
    m.add_function(wrap_pyfunction!(default_threads, m)?)?;
    m.add_function(wrap_pyfunction!(max_threads, m)?)?;
    m.add_function(wrap_pyfunction!(errors::_connect, m)?)?;
    m.add_function(wrap_pyfunction!(document::_restore_document, m)?)?;
    m.add_function(wrap_pyfunction!(frames::columns_from_documents, m)?)?;
    m.add_function(wrap_pyfunction!(frames::schema, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
