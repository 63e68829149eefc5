use super::*;
use crate::gazetteer::GazetteerOptions;
use serde_json::json;

fn gaz() -> Gazetteer {
    Gazetteer::from_records(
        vec![
            json!({"id": "td", "name": "Chad", "kind": "place"}),
            json!({"id": "mo", "name": "Morville", "kind": "place"}),
            json!({"id": "fl", "name": "Florence", "kind": "place"}),
            json!({"id": "sl", "name": "Sierra Leone", "kind": "place"}),
            json!({"id": "pa", "name": "Paula Quist", "kind": "person"}),
            json!({"id": "co", "name": "Congress", "kind": "org"}),
        ],
        GazetteerOptions::default(),
    )
    .unwrap()
}

/// (surface, id) of every mention `find` returns.
fn found(text: &str) -> Vec<(String, String)> {
    let g = gaz();
    let m = g.find(text, Default::default()).unwrap();
    find(text, m, &g)
        .iter()
        .map(|m| {
            let d = m.describe(&g);
            (
                text[m.span.byte_start..m.span.byte_end].to_string(),
                d.id.to_string(),
            )
        })
        .collect()
}

fn pair(s: &str, id: &str) -> (String, String) {
    (s.to_string(), id.to_string())
}

#[test]
fn a_given_name_makes_a_person_and_beats_the_place_inside() {
    assert_eq!(
        found("Chad Wembley scored twice."),
        vec![pair("Chad Wembley", "local:chad-wembley")]
    );
    assert_eq!(
        found("The hotel owner Anna Morville said no."),
        vec![pair("Anna Morville", "local:anna-morville")]
    );
}

#[test]
fn later_surnames_link_to_the_person_and_beat_a_place() {
    let got = found("Talks with Tomas Morville went well. Morville left at noon.");
    assert_eq!(
        got,
        vec![
            pair("Tomas Morville", "local:tomas-morville"),
            pair("Morville", "local:tomas-morville")
        ]
    );
    // Without the full name first, the town stays.
    assert_eq!(found("Morville is quiet."), vec![pair("Morville", "mo")]);
}

#[test]
fn titles_speech_verbs_and_appositions_are_evidence() {
    assert_eq!(
        found("Harbour Police Capt. Oskar Brandvold spoke."),
        vec![pair("Oskar Brandvold", "local:oskar-brandvold")]
    );
    assert_eq!(
        found("Brandvold Ekstrom said the plan failed."),
        vec![pair("Brandvold Ekstrom", "local:brandvold-ekstrom")]
    );
    assert_eq!(
        found("They met Quintus Arvel, 61, at home."),
        vec![pair("Quintus Arvel", "local:quintus-arvel")]
    );
    assert_eq!(
        found("He called Mr. Dravic twice."),
        vec![pair("Dravic", "local:dravic")]
    );
}

#[test]
fn names_of_places_and_organisations_and_known_entities_are_left_alone() {
    assert_eq!(
        found("Sierra Leone voted."),
        vec![pair("Sierra Leone", "sl")]
    );
    let no_person = |t: &str| found(t).iter().all(|(_, id)| !id.starts_with("local:"));
    assert!(no_person("Florence Street was closed."));
    assert!(no_person("He studied at Morgan State University."));
    assert!(no_person("Lake Morville froze."));
    assert_eq!(
        found("Paula Quist said no."),
        vec![pair("Paula Quist", "pa")]
    );
    // A capitalised word that is a common word needs more than a sentence start.
    assert_eq!(found("Will Congress act?"), vec![pair("Congress", "co")]);
    assert_eq!(
        found("Will Ferrow sang."),
        vec![pair("Will Ferrow", "local:will-ferrow")]
    );
}

#[test]
fn spans_index_characters_and_possessives_stay_outside() {
    let text = "Café owner Zoë Brandvold's shop.";
    let g = gaz();
    let m = g.find(text, Default::default()).unwrap();
    let out = find(text, m, &g);
    let p = out.iter().find(|m| m.local.is_some()).unwrap();
    assert_eq!(&text[p.span.byte_start..p.span.byte_end], "Zoë Brandvold");
    let chars: Vec<char> = text.chars().collect();
    let s: String = chars[p.span.char_start..p.span.char_end].iter().collect();
    assert_eq!(s, "Zoë Brandvold");
}

#[test]
fn a_given_name_alone_is_the_one_person_of_the_document_with_it() {
    let text =
        "Marjorie Ellwood, a teacher, said no. Later Marjorie laughed, and Marjorie Ellwood \
                left. Dennis Harlow and Dennis Oakes spoke; Dennis waved.";
    let f = found(text);
    let marj: Vec<_> = f
        .iter()
        .filter(|x| x.1 == "local:marjorie-ellwood")
        .collect();
    assert_eq!(marj.len(), 3, "{f:?}");
    assert!(f.iter().any(|x| x.0 == "Marjorie"));
    // Two people named Dennis: the name alone is neither.
    assert!(!f.iter().any(|x| x.0 == "Dennis"), "{f:?}");
    // Before the full name, or inside another capitalised name, a given name stands for no one.
    let f =
        found("Marjorie waved. Marjorie Ellwood, a teacher, said so. Lake Marjorie Park opened.");
    let alone: Vec<_> = f.iter().filter(|x| x.0 == "Marjorie").collect();
    assert!(alone.is_empty(), "{f:?}");
}
