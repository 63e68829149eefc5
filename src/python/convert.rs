//! Python objects <-> JSON values (gazetteer records and attributes).

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};
use serde_json::{Map, Number, Value};

const MAX_DEPTH: usize = 64;

/// Converts a Python object made of dicts, lists, tuples, str, int, float, bool and None (and
/// numpy-style scalars with `.item()`) to JSON. NaN and infinities become null (missing values in
/// frames); other types are an error naming the type.
pub(crate) fn py_to_json(obj: &Bound<'_, PyAny>, depth: usize) -> Result<Value, String> {
    if depth > MAX_DEPTH {
        return Err("nested more than 64 levels deep".into());
    }
    // The common types first: a gazetteer record is mostly strings in dicts and lists.
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_string_lossy().into_owned()));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut out = Map::new();
        for (k, v) in d.iter() {
            out.insert(dict_key(&k)?, py_to_json(&v, depth + 1)?);
        }
        return Ok(Value::Object(out));
    }
    if let Ok(l) = obj.cast::<PyList>() {
        let mut out = Vec::with_capacity(l.len());
        for item in l.iter() {
            out.push(py_to_json(&item, depth + 1)?);
        }
        return Ok(Value::Array(out));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Ok(Value::String(
            obj.str().map_err(|e| e.to_string())?.to_string(),
        ));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(Number::from_f64(f.value()).map_or(Value::Null, Value::Number));
    }
    if obj.is_instance_of::<PyTuple>() {
        let mut out = Vec::new();
        for item in obj.try_iter().map_err(|e| e.to_string())? {
            let item = item.map_err(|e| e.to_string())?;
            out.push(py_to_json(&item, depth + 1)?);
        }
        return Ok(Value::Array(out));
    }
    if obj.cast::<PyMapping>().is_ok() {
        let mut out = Map::new();
        let items = obj
            .call_method0("items")
            .and_then(|i| i.try_iter())
            .map_err(|e| e.to_string())?;
        for kv in items {
            let kv = kv.map_err(|e| e.to_string())?;
            let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) =
                kv.extract().map_err(|e: PyErr| e.to_string())?;
            out.insert(dict_key(&k)?, py_to_json(&v, depth + 1)?);
        }
        return Ok(Value::Object(out));
    }
    if obj.hasattr("item").unwrap_or(false) {
        if let Ok(v) = obj.call_method0("item") {
            if !v.is(obj) {
                return py_to_json(&v, depth + 1);
            }
        }
    }
    let tn = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into());
    Err(format!(
        "values of type {tn} are not supported (use str, int, float, bool, None, list or dict)"
    ))
}

/// A mapping key as a string (`str(key)` for other types).
fn dict_key(k: &Bound<'_, PyAny>) -> Result<String, String> {
    match k.cast::<PyString>() {
        Ok(s) => Ok(s.to_string_lossy().into_owned()),
        Err(_) => Ok(k.str().map_err(|e| e.to_string())?.to_string()),
    }
}

/// Converts JSON to Python objects.
pub(crate) fn json_to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(a) => {
            let l = PyList::empty(py);
            for x in a {
                l.append(json_to_py(py, x)?)?;
            }
            l.into_any()
        }
        Value::Object(o) => {
            let d = PyDict::new(py);
            for (k, x) in o {
                d.set_item(k, json_to_py(py, x)?)?;
            }
            d.into_any()
        }
    })
}
