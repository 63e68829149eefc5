//! Reading and writing entity records: JSON objects with an id, a name, a kind, aliases in
//! several spellings, and free attributes.

use serde_json::{Map, Value};

use crate::error::{Error, Result};

use super::model::{Alias, CasePolicy, Entity, Form, GazetteerOptions};

const SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"];

fn looks_like_acronym(alias: &str) -> bool {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty()
        && letters.iter().all(|c| c.is_uppercase())
        && (letters.len() >= 2 || alias.chars().any(|c| c.is_ascii_digit()))
        && !alias.contains(' ')
}

/// Takes a string field out of a record (a number is read as its text).
fn take_str(rec: &mut Map<String, Value>, key: &str, idx: usize) -> Result<Option<String>> {
    match rec.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(other) => Err(Error::gazetteer(
            Some(idx),
            format!("field {key:?} must be a string, not {}", json_type(&other)),
        )),
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Parses a case policy field (`None`/null is `auto`); `what` names the field in errors.
/// Parses a case policy; `what` names the field in an error (made only when there is one).
fn parse_case(v: Option<&Value>, what: &dyn Fn() -> String, idx: usize) -> Result<CasePolicy> {
    match v {
        None | Some(Value::Null) => Ok(CasePolicy::Auto),
        Some(Value::String(c)) => CasePolicy::parse(c).ok_or_else(|| {
            Error::gazetteer(
                Some(idx),
                format!(
                    "{}: unknown case policy {c:?} (expected auto, exact, capitalized, \
                     tolerant or insensitive)",
                    what()
                ),
            )
        }),
        Some(other) => Err(Error::gazetteer(
            Some(idx),
            format!(
                "{}: case must be a string, not {}",
                what(),
                json_type(other)
            ),
        )),
    }
}

/// Parses an alias list: a list of strings or alias objects, or one string with `|` separators.
fn parse_alias_list(
    v: Option<&Value>,
    key: &str,
    default_form: Option<Form>,
    idx: usize,
    out: &mut Vec<Alias>,
) -> Result<()> {
    let split: Vec<Value>;
    let items: &[Value] = match v {
        None | Some(Value::Null) => return Ok(()),
        Some(Value::String(s)) => {
            if s.trim().is_empty() {
                return Ok(());
            }
            split = s.split('|').map(|p| Value::String(p.to_string())).collect();
            &split
        }
        Some(Value::Array(a)) => a,
        Some(other) => {
            return Err(Error::gazetteer(
                Some(idx),
                format!(
                    "field {key:?} must be a list or a '|'-separated string, not {}",
                    json_type(other)
                ),
            ))
        }
    };
    for (k, item) in items.iter().enumerate() {
        let (text, form, case) = match item {
            Value::String(s) => (s.clone(), None, CasePolicy::Auto),
            Value::Object(o) => {
                let text = match o.get("text") {
                    Some(Value::String(s)) => s.clone(),
                    _ => {
                        return Err(Error::gazetteer(
                            Some(idx),
                            format!("{key}[{k}]: an alias object needs a string field \"text\""),
                        ))
                    }
                };
                let form = match o.get("form") {
                    None | Some(Value::Null) => None,
                    Some(Value::String(f)) => Some(Form::parse(f).ok_or_else(|| {
                        Error::gazetteer(
                            Some(idx),
                            format!(
                                "{key}[{k}]: unknown form {f:?} (expected name, alias, acronym, \
                                 demonym or surname)"
                            ),
                        )
                    })?),
                    Some(other) => {
                        return Err(Error::gazetteer(
                            Some(idx),
                            format!(
                                "{key}[{k}]: form must be a string, not {}",
                                json_type(other)
                            ),
                        ))
                    }
                };
                let case = parse_case(o.get("case"), &|| format!("{key}[{k}]"), idx)?;
                (text, form, case)
            }
            other => {
                return Err(Error::gazetteer(
                    Some(idx),
                    format!(
                        "{key}[{k}] must be a string or an alias object, not {}",
                        json_type(other)
                    ),
                ))
            }
        };
        if text.trim().is_empty() {
            return Err(Error::gazetteer(
                Some(idx),
                format!("{key}[{k}] is empty or whitespace only"),
            ));
        }
        let form = form
            .or(default_form)
            .unwrap_or(if looks_like_acronym(&text) {
                Form::Acronym
            } else {
                Form::Alias
            });
        out.push(Alias {
            text: text.trim().to_string(),
            form,
            case,
        });
    }
    Ok(())
}

impl Entity {
    /// Builds an entity from one record; `idx` is the record's position, for error messages.
    /// The record is consumed: its strings move into the entity, and the fields that are not
    /// `id`, `name`, `kind`, alias lists, `priority`, `case` or `name_case` become the attributes
    /// without being copied.
    pub fn from_record(rec: Value, idx: usize, opts: &GazetteerOptions) -> Result<Entity> {
        let mut obj = match rec {
            Value::Object(o) => o,
            other => {
                return Err(Error::gazetteer(
                    Some(idx),
                    format!("a record must be an object, not {}", json_type(&other)),
                ))
            }
        };
        let id = take_str(&mut obj, "id", idx)?.unwrap_or_default();
        if id.trim().is_empty() {
            return Err(Error::gazetteer(Some(idx), "missing or empty \"id\""));
        }
        let name = take_str(&mut obj, "name", idx)?.unwrap_or_default();
        if name.trim().is_empty() {
            return Err(Error::gazetteer(
                Some(idx),
                format!("entity {id:?}: missing or empty \"name\""),
            ));
        }
        let kind = take_str(&mut obj, "kind", idx)?.unwrap_or_default();
        if kind.trim().is_empty() {
            return Err(Error::gazetteer(
                Some(idx),
                format!("entity {id:?}: missing or empty \"kind\" (person, org, place, ...)"),
            ));
        }
        let priority = match obj.get("priority") {
            None | Some(Value::Null) => 0,
            Some(Value::Number(n)) => match (n.as_i64(), n.as_f64()) {
                (Some(i), _) => i,
                // An integral float, as pandas writes an int column that has a missing value.
                (None, Some(f)) if f.fract() == 0.0 && f.abs() < 9.0e15 => f as i64,
                _ => {
                    return Err(Error::gazetteer(
                        Some(idx),
                        format!("entity {id:?}: priority must be an integer, not {n}"),
                    ))
                }
            },
            Some(Value::String(s)) if s.trim().is_empty() => 0,
            Some(Value::String(s)) => s.trim().parse::<i64>().map_err(|_| {
                Error::gazetteer(
                    Some(idx),
                    format!("entity {id:?}: priority must be an integer, not {s:?}"),
                )
            })?,
            Some(other) => {
                return Err(Error::gazetteer(
                    Some(idx),
                    format!(
                        "entity {id:?}: priority must be an integer, not {}",
                        json_type(other)
                    ),
                ))
            }
        };
        let entity_case = parse_case(obj.get("case"), &|| format!("entity {id:?}"), idx)?;
        let name_case = parse_case(
            obj.get("name_case"),
            &|| format!("entity {id:?}: name_case"),
            idx,
        )?;
        let mut aliases = vec![Alias {
            text: name.trim().to_string(),
            form: Form::Name,
            case: name_case,
        }];
        let with_id =
            |e: Error| Error::gazetteer(e.record(), format!("entity {id:?}: {}", e.message()));
        parse_alias_list(obj.get("aliases"), "aliases", None, idx, &mut aliases)
            .map_err(with_id)?;
        parse_alias_list(
            obj.get("acronyms"),
            "acronyms",
            Some(Form::Acronym),
            idx,
            &mut aliases,
        )
        .map_err(with_id)?;
        parse_alias_list(
            obj.get("demonyms"),
            "demonyms",
            Some(Form::Demonym),
            idx,
            &mut aliases,
        )
        .map_err(with_id)?;
        let explicit_surnames = obj.contains_key("surnames");
        parse_alias_list(
            obj.get("surnames"),
            "surnames",
            Some(Form::Surname),
            idx,
            &mut aliases,
        )
        .map_err(with_id)?;
        if opts.auto_surnames && kind == "person" && !explicit_surnames {
            let mut derived = Vec::new();
            for a in aliases
                .iter()
                .filter(|a| matches!(a.form, Form::Name | Form::Alias))
            {
                let words: Vec<&str> = a.text.split_whitespace().collect();
                if words.len() < 2 {
                    continue;
                }
                let mut last = words[words.len() - 1];
                if SUFFIXES.contains(&last.to_lowercase().as_str()) && words.len() >= 3 {
                    last = words[words.len() - 2];
                }
                let last = last.trim_end_matches(',');
                if last.chars().filter(|c| c.is_alphabetic()).count() >= 3
                    && !SUFFIXES.contains(&last.to_lowercase().as_str())
                {
                    derived.push(Alias {
                        text: last.to_string(),
                        form: Form::Surname,
                        case: CasePolicy::Auto,
                    });
                }
            }
            aliases.extend(derived);
        }
        // An entity-level case policy applies to every alias that does not set its own.
        if entity_case != CasePolicy::Auto {
            for a in aliases.iter_mut().filter(|a| a.case == CasePolicy::Auto) {
                a.case = entity_case;
            }
        }
        // Drop exact repeats (same text and form); they add nothing.
        let mut k = 1;
        while k < aliases.len() {
            let (head, tail) = aliases.split_at(k);
            if head
                .iter()
                .any(|a| a.form == tail[0].form && a.text == tail[0].text)
            {
                aliases.remove(k);
            } else {
                k += 1;
            }
        }
        let nested = obj.remove("attributes");
        for key in [
            "aliases",
            "acronyms",
            "demonyms",
            "surnames",
            "priority",
            "case",
            "name_case",
        ] {
            obj.remove(key);
        }
        let mut attributes = obj;
        match nested {
            None | Some(Value::Null) => {}
            Some(Value::Object(o)) => attributes.extend(o),
            Some(other) => {
                return Err(Error::gazetteer(
                    Some(idx),
                    format!(
                        "entity {id:?}: \"attributes\" must be an object, not {}",
                        json_type(&other)
                    ),
                ))
            }
        }
        Ok(Entity {
            id: id.trim().to_string(),
            name: name.trim().to_string(),
            kind: kind.trim().to_string(),
            aliases,
            attributes,
            priority,
        })
    }

    /// The entity as a record that [`Entity::from_record`] reads back to an equal entity.
    pub fn to_record(&self) -> Value {
        let mut o = Map::new();
        o.insert("id".into(), Value::String(self.id.clone()));
        o.insert("name".into(), Value::String(self.name.clone()));
        o.insert("kind".into(), Value::String(self.kind.clone()));
        if let Some(first) = self.aliases.first() {
            if first.case != CasePolicy::Auto {
                o.insert(
                    "name_case".into(),
                    Value::String(first.case.as_str().into()),
                );
            }
        }
        let aliases: Vec<Value> = self
            .aliases
            .iter()
            .skip(1)
            .filter(|a| a.form != Form::Surname)
            .map(alias_value)
            .collect();
        o.insert("aliases".into(), Value::Array(aliases));
        let surnames: Vec<Value> = self
            .aliases
            .iter()
            .filter(|a| a.form == Form::Surname)
            .map(alias_value)
            .collect();
        o.insert("surnames".into(), Value::Array(surnames));
        if self.priority != 0 {
            o.insert("priority".into(), Value::from(self.priority));
        }
        if !self.attributes.is_empty() {
            o.insert("attributes".into(), Value::Object(self.attributes.clone()));
        }
        Value::Object(o)
    }
}

fn alias_value(a: &Alias) -> Value {
    let mut o = Map::new();
    o.insert("text".into(), Value::String(a.text.clone()));
    o.insert("form".into(), Value::String(a.form.as_str().into()));
    if a.case != CasePolicy::Auto {
        o.insert("case".into(), Value::String(a.case.as_str().into()));
    }
    Value::Object(o)
}
