//! A document's results as data, and back: what pickling a Python `Document` carries.
//!
//! The state holds the results (spans, values, speakers) and the records of only the entities
//! they name, so it does not carry the gazetteer: [`from_json`] rebuilds the results over a
//! small gazetteer of those entities, with the same ids, names, kinds and attributes.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::{json, Value};

use crate::error::{Error, ErrorKind, Result};
use crate::gazetteer::{Form, Gazetteer, GazetteerOptions, LocalEntity, Mention};
use crate::numbers::{Change, NumKind, Number};
use crate::pipeline::{AttributedNumber, Document};
use crate::quotes::{Cue, Quote, Source, Speaker};
use crate::text::normalize::OrigSpan;

/// The version of the state layout; [`from_json`] refuses others.
pub const STATE_FORMAT: u64 = 1;

fn span(s: &OrigSpan) -> Value {
    json!([s.char_start, s.char_end, s.byte_start, s.byte_end])
}

/// The document's results and the records of the entities they refer to, as JSON.
pub fn to_json(doc: &Document, gazetteer: &Gazetteer) -> String {
    // The entities the results name, numbered in order of first appearance.
    let mut index: HashMap<u32, u32> = HashMap::new();
    let mut order: Vec<u32> = Vec::new();
    let speakers = doc.quotes.iter().filter_map(|q| q.speaker.as_ref()).chain(
        doc.numbers
            .iter()
            .filter_map(|n| n.source.as_ref())
            .map(|s| &s.speaker),
    );
    let named = doc
        .entities
        .iter()
        .filter(|m| m.local.is_none())
        .flat_map(|m| std::iter::once(m.entity).chain(m.candidates.iter().copied()))
        .chain(speakers.filter_map(|s| s.entity));
    for e in named {
        index.entry(e).or_insert_with(|| {
            order.push(e);
            (order.len() - 1) as u32
        });
    }
    let local = |e: u32| index[&e];
    let speaker = |s: &Speaker| {
        let mut v = json!({
            "span": span(&s.span),
            "entity": s.entity.map(local),
            "antecedent": s.antecedent.as_ref().map(span),
        });
        if let Some(p) = &s.local {
            v["local"] = local_json(p);
        }
        v
    };
    let entities: Vec<Value> = doc
        .entities
        .iter()
        .map(|m| {
            if let Some(p) = &m.local {
                return json!({
                    "span": span(&m.span),
                    "entity": null,
                    "local": local_json(p),
                    "form": m.form.as_str(),
                    "candidates": [],
                    "ambiguous": false,
                });
            }
            json!({
                "span": span(&m.span),
                "entity": local(m.entity),
                "form": m.form.as_str(),
                "candidates": m.candidates.iter().map(|&c| local(c)).collect::<Vec<_>>(),
                "ambiguous": m.ambiguous,
            })
        })
        .collect();
    let quotes: Vec<Value> = doc
        .quotes
        .iter()
        .map(|q| {
            json!({
                "span": span(&q.span),
                "paragraphs": q.paragraphs.iter().map(span).collect::<Vec<_>>(),
                "speaker": q.speaker.as_ref().map(speaker),
                "verb": q.verb.as_ref().map(span),
                "partial": q.partial,
                "closed": q.closed,
                "cue": q.cue.as_str(),
            })
        })
        .collect();
    let sources: Vec<Value> = doc
        .numbers
        .iter()
        .map(|n| {
            n.source.as_ref().map(|s| {
                json!({
                    "speaker": speaker(&s.speaker),
                    "verb": s.verb.as_ref().map(span),
                    "quote": s.quote,
                })
            })
        })
        .map(|v| v.unwrap_or(Value::Null))
        .collect();
    let numbers: Vec<Value> = doc
        .numbers
        .iter()
        .map(|n| &n.number)
        .map(|n| {
            json!({
                "span": span(&n.span),
                "value": if n.value.is_finite() { json!(n.value) } else { Value::Null },
                "low": n.low,
                "high": n.high,
                "kind": n.kind.as_str(),
                "vague": n.vague,
                "unit": n.unit,
                "approx": n.approx.as_ref().map(|(q, s)| json!([q, span(s)])),
                "object": n.object.as_ref().map(|(o, h)| json!([span(o), span(h)])),
                "change": n.change.map(Change::as_str),
            })
        })
        .collect();
    let records: Vec<Value> = order
        .iter()
        .map(|&e| gazetteer.entity(e as usize).to_record())
        .collect();
    json!({
        "format": STATE_FORMAT,
        "entities": entities,
        "numbers": numbers,
        "quotes": quotes,
        "sources": sources,
        "records": records,
    })
    .to_string()
}

fn bad(what: &str) -> Error {
    Error::new(
        ErrorKind::Option,
        format!("not a wirescan document state: bad {what}"),
    )
}

fn get_span(v: &Value) -> Result<OrigSpan> {
    let a = v
        .as_array()
        .filter(|a| a.len() == 4)
        .ok_or_else(|| bad("span"))?;
    let n = |i: usize| -> Result<usize> {
        a[i].as_u64().map(|x| x as usize).ok_or_else(|| bad("span"))
    };
    Ok(OrigSpan {
        char_start: n(0)?,
        char_end: n(1)?,
        byte_start: n(2)?,
        byte_end: n(3)?,
    })
}

fn opt_span(v: &Value) -> Result<Option<OrigSpan>> {
    if v.is_null() {
        Ok(None)
    } else {
        get_span(v).map(Some)
    }
}

fn opt_f64(v: &Value) -> Option<f64> {
    v.as_f64()
}

/// The `&'static str` for a unit or qualifier read back: the extractor's own strings are
/// static, so the few distinct ones read back are kept once for the process.
fn intern(s: &str) -> Result<&'static str> {
    static SEEN: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut seen = SEEN
        .get_or_init(|| Mutex::new(HashSet::new()))
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    if let Some(&k) = seen.get(s) {
        return Ok(k);
    }
    if seen.len() >= 4096 || s.len() > 64 {
        return Err(bad("unit"));
    }
    let k: &'static str = Box::leak(s.to_string().into_boxed_str());
    seen.insert(k);
    Ok(k)
}

fn form_of(s: &str) -> Result<Form> {
    [
        Form::Name,
        Form::Alias,
        Form::Acronym,
        Form::Demonym,
        Form::Surname,
    ]
    .into_iter()
    .find(|f| f.as_str() == s)
    .ok_or_else(|| bad("form"))
}

fn kind_of(s: &str) -> Result<NumKind> {
    NumKind::ALL
        .into_iter()
        .find(|k| k.as_str() == s)
        .ok_or_else(|| bad("number kind"))
}

fn cue_of(s: &str) -> Result<Cue> {
    [
        Cue::After,
        Cue::Before,
        Cue::Colon,
        Cue::Dash,
        Cue::Sentence,
        Cue::Continued,
        Cue::Headline,
        Cue::Unattributed,
    ]
    .into_iter()
    .find(|c| c.as_str() == s)
    .ok_or_else(|| bad("cue"))
}

fn local_json(p: &LocalEntity) -> Value {
    let mut v = json!({"id": p.id, "name": p.name, "kind": p.kind});
    if let Some(g) = p.gender {
        v["gender"] = json!(g);
    }
    v
}

/// A local entity as [`local_json`] writes it (states before local organisations wrote no
/// kind: a person).
fn local_from_json(p: &Value) -> Result<Arc<LocalEntity>> {
    let text =
        |k: &str| -> Result<String> { Ok(p[k].as_str().ok_or_else(|| bad("local"))?.to_string()) };
    let kind = match p.get("kind").and_then(|k| k.as_str()) {
        None | Some("person") => "person",
        Some("org") => "org",
        Some("place") => "place",
        Some(_) => return Err(bad("local kind")),
    };
    let gender = match p.get("gender").and_then(|g| g.as_str()) {
        None => None,
        Some("male") => Some("male"),
        Some("female") => Some("female"),
        Some(_) => return Err(bad("local gender")),
    };
    Ok(Arc::new(LocalEntity {
        id: text("id")?,
        name: text("name")?,
        kind,
        gender,
    }))
}

/// Reads a state written by [`to_json`]: the document, and the gazetteer of its entities.
pub fn from_json(data: &str) -> Result<(Document, Gazetteer)> {
    let v: Value = serde_json::from_str(data).map_err(|_| bad("JSON"))?;
    if v.get("format").and_then(Value::as_u64) != Some(STATE_FORMAT) {
        return Err(bad("format"));
    }
    let list = |k: &str| -> Result<&Vec<Value>> {
        v.get(k).and_then(Value::as_array).ok_or_else(|| bad(k))
    };
    let records = list("records")?.clone();
    let n_entities = records.len() as u64;
    let gazetteer = Gazetteer::from_records(records, GazetteerOptions::default())?;
    let entity = |x: &Value| -> Result<u32> {
        x.as_u64()
            .filter(|&e| e < n_entities)
            .map(|e| e as u32)
            .ok_or_else(|| bad("entity"))
    };
    let speaker = |s: &Value| -> Result<Speaker> {
        Ok(Speaker {
            span: get_span(&s["span"])?,
            entity: if s["entity"].is_null() {
                None
            } else {
                Some(entity(&s["entity"])?)
            },
            local: match s.get("local").filter(|p| !p.is_null()) {
                Some(p) => Some(local_from_json(p)?),
                None => None,
            },
            antecedent: opt_span(&s["antecedent"])?,
        })
    };
    let mut doc = Document::default();
    for m in list("entities")? {
        // `person` is how states before local organisations wrote a local entity.
        let local = ["local", "person"]
            .iter()
            .find_map(|k| m.get(*k).filter(|p| !p.is_null()));
        if let Some(p) = local {
            doc.entities.push(Mention {
                span: get_span(&m["span"])?,
                entity: u32::MAX,
                form: form_of(m["form"].as_str().unwrap_or_default())?,
                candidates: Vec::new(),
                ambiguous: false,
                local: Some(local_from_json(p)?),
            });
            continue;
        }
        doc.entities.push(Mention {
            span: get_span(&m["span"])?,
            entity: entity(&m["entity"])?,
            form: form_of(m["form"].as_str().unwrap_or_default())?,
            candidates: m["candidates"]
                .as_array()
                .ok_or_else(|| bad("candidates"))?
                .iter()
                .map(entity)
                .collect::<Result<_>>()?,
            ambiguous: m["ambiguous"].as_bool().unwrap_or(false),
            local: None,
        });
    }
    let mut numbers = Vec::new();
    for n in list("numbers")? {
        let approx = match n["approx"].as_array() {
            Some(a) if a.len() == 2 => Some((
                intern(a[0].as_str().ok_or_else(|| bad("qualifier"))?)?,
                get_span(&a[1])?,
            )),
            _ => None,
        };
        let object = match n["object"].as_array() {
            Some(a) if a.len() == 2 => Some((get_span(&a[0])?, get_span(&a[1])?)),
            _ => None,
        };
        numbers.push(Number {
            span: get_span(&n["span"])?,
            value: opt_f64(&n["value"]).unwrap_or(f64::NAN),
            low: opt_f64(&n["low"]),
            high: opt_f64(&n["high"]),
            kind: kind_of(n["kind"].as_str().unwrap_or_default())?,
            vague: n["vague"].as_bool().unwrap_or(false),
            unit: n["unit"].as_str().map(intern).transpose()?,
            approx,
            object,
            change: match n["change"].as_str() {
                None => None,
                Some("up") => Some(Change::Up),
                Some("down") => Some(Change::Down),
                Some(_) => return Err(bad("change")),
            },
        });
    }
    for q in list("quotes")? {
        doc.quotes.push(Quote {
            span: get_span(&q["span"])?,
            paragraphs: q["paragraphs"]
                .as_array()
                .ok_or_else(|| bad("paragraphs"))?
                .iter()
                .map(get_span)
                .collect::<Result<_>>()?,
            speaker: if q["speaker"].is_null() {
                None
            } else {
                Some(speaker(&q["speaker"])?)
            },
            verb: opt_span(&q["verb"])?,
            partial: q["partial"].as_bool().unwrap_or(false),
            closed: q["closed"].as_bool().unwrap_or(true),
            cue: cue_of(q["cue"].as_str().unwrap_or_default())?,
        });
    }
    let mut sources = Vec::new();
    for s in list("sources")? {
        sources.push(if s.is_null() {
            None
        } else {
            Some(Box::new(Source {
                speaker: speaker(&s["speaker"])?,
                verb: opt_span(&s["verb"])?,
                quote: s["quote"].as_u64().map(|q| q as usize),
            }))
        });
    }
    if sources.len() != numbers.len() {
        return Err(bad("sources"));
    }
    doc.numbers = numbers
        .into_iter()
        .zip(sources)
        .map(|(number, source)| AttributedNumber { number, source })
        .collect();
    Ok((doc, gazetteer))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{ExtractOptions, Extractor};
    use std::sync::Arc;

    #[test]
    fn a_document_survives_the_round_trip() {
        let g = Gazetteer::from_records(
            vec![
                json!({"id": "q1", "name": "Rosa Lind", "kind": "person", "party": "Green"}),
                json!({"id": "q2", "name": "Tarnby", "kind": "place"}),
                json!({"id": "q3", "name": "Unused Name", "kind": "place"}),
            ],
            GazetteerOptions::default(),
        )
        .unwrap();
        let ex = Extractor::new(Arc::new(g), ExtractOptions::default());
        let text = "\"About 1,200 jobs will go in Tarnby,\" Rosa Lind said. Lind spoke first.";
        let doc = ex.extract(text).unwrap();
        let state = to_json(&doc, ex.gazetteer());
        let (back, small) = from_json(&state).unwrap();
        assert_eq!(small.len(), 2); // only the entities the results name
        let plain = |d: &Document| {
            d.numbers
                .iter()
                .map(|n| n.number.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(plain(&back), plain(&doc));
        let verbs = |d: &Document| {
            d.numbers
                .iter()
                .map(|n| n.source.as_ref().map(|s| (s.verb, s.quote)))
                .collect::<Vec<_>>()
        };
        assert_eq!(verbs(&back), verbs(&doc));
        assert!(back.numbers[0].source.is_some());
        assert_eq!(back.quotes.len(), doc.quotes.len());
        let ids = |d: &Document, g: &Gazetteer| -> Vec<String> {
            d.entities
                .iter()
                .map(|m| g.entity(m.entity as usize).id().to_string())
                .collect()
        };
        assert_eq!(ids(&back, &small), ids(&doc, ex.gazetteer()));
        let sp = back.quotes[0].speaker.as_ref().unwrap();
        assert_eq!(small.entity(sp.entity.unwrap() as usize).id(), "q1");
        assert_eq!(
            small.entity(0).to_record()["party"],
            ex.gazetteer().entity(0).to_record()["party"]
        );
    }

    #[test]
    fn local_speakers_and_their_gender_survive_the_round_trip() {
        let g = Gazetteer::from_records(
            vec![json!({"id": "q2", "name": "Tarnby", "kind": "place"})],
            GazetteerOptions::default(),
        )
        .unwrap();
        let ex = Extractor::new(Arc::new(g), ExtractOptions::default());
        let text = "\"Tarnby will lose 300 jobs,\" said Greta Holmvik. \"It hurts,\" she added.";
        let doc = ex.extract(text).unwrap();
        let (back, _) = from_json(&to_json(&doc, ex.gazetteer())).unwrap();
        assert_eq!(back.quotes, doc.quotes);
        assert_eq!(back.entities, doc.entities);
        assert_eq!(back.numbers[0].source, doc.numbers[0].source);
        let sp = back.quotes[1].speaker.as_ref().unwrap();
        let p = sp.local.as_ref().unwrap();
        assert_eq!(
            (p.id.as_str(), p.gender),
            ("local:greta-holmvik", Some("female"))
        );
        assert!(sp.entity.is_none());
        // A bad gender is an error.
        let bad = to_json(&doc, ex.gazetteer()).replace("\"female\"", "\"x\"");
        assert!(from_json(&bad).is_err());
    }

    #[test]
    fn a_bad_state_is_an_error_not_a_panic() {
        assert!(from_json("{}").is_err());
        assert!(from_json("not json").is_err());
        let s = r#"{"format":1,"records":[],"entities":[{"span":[0,1,0,1],"entity":5,"form":"name","candidates":[],"ambiguous":false}],"numbers":[],"quotes":[],"sources":[]}"#;
        assert!(from_json(s).is_err());
    }
}
