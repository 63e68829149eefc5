use super::*;
use crate::gazetteer::GazetteerOptions;
use serde_json::json;

fn gaz() -> Gazetteer {
    Gazetteer::from_records(
        vec![
            json!({"id": "td", "name": "Chad", "kind": "place"}),
            json!({"id": "mo", "name": "Morville", "kind": "place", "feature": "city"}),
            json!({"id": "fl", "name": "Florence", "kind": "place"}),
            json!({"id": "sl", "name": "Sierra Leone", "kind": "place"}),
            json!({"id": "pa", "name": "Paula Quist", "kind": "person"}),
            json!({"id": "co", "name": "Congress", "kind": "org"}),
            json!({"id": "ch", "name": "Chadia", "kind": "place", "demonyms": ["Chadian"]}),
            json!({"id": "lw", "name": "Lowland", "kind": "place"}),
        ],
        GazetteerOptions::default(),
    )
    .unwrap()
}

/// (surface, id) of every mention `find` returns.
fn found(text: &str) -> Vec<(String, String)> {
    found_in(&gaz(), text)
}

/// As [`found`], with the gazetteer `g`.
fn found_in(g: &Gazetteer, text: &str) -> Vec<(String, String)> {
    let m = g.find(text, Default::default()).unwrap();
    find(text, m, g)
        .iter()
        .map(|m| {
            let d = m.describe(g);
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
        vec![
            pair("Harbour Police", "local:harbour-police"),
            pair("Oskar Brandvold", "local:oskar-brandvold")
        ]
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
    let no_person = |t: &str| {
        let g = gaz();
        let m = g.find(t, Default::default()).unwrap();
        find(t, m, &g)
            .iter()
            .all(|m| m.local.is_none() || m.describe(&g).kind != "person")
    };
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

#[test]
fn a_common_word_given_name_is_a_name_mid_sentence_not_at_its_start() {
    // After a number and a lower-case word, `Grace` is inside the sentence.
    assert_eq!(
        found("The 1998 title came under Grace Morville."),
        vec![pair("Grace Morville", "local:grace-morville")]
    );
    // A sentence's first word before a given name is not part of the name.
    assert_eq!(
        found("Nutritionist Grace Morville has a plan."),
        vec![pair("Grace Morville", "local:grace-morville")]
    );
    // At a sentence start before a known name it may be the plain word.
    assert_eq!(
        found("Grace Morville is what the brochure promised."),
        vec![pair("Morville", "mo")]
    );
}

#[test]
fn an_arabic_article_belongs_to_the_name_and_its_surname() {
    let got = found(
        "Prime Minister Karim al-Dabbagh spoke. Later al-Dabbagh and Al-Dabbagh's aide left.",
    );
    assert_eq!(
        got,
        vec![
            pair("Karim al-Dabbagh", "local:karim-al-dabbagh"),
            pair("al-Dabbagh", "local:karim-al-dabbagh"),
            pair("Al-Dabbagh", "local:karim-al-dabbagh"),
        ]
    );
}

#[test]
fn an_organisation_or_place_by_its_head_word_beats_the_place_inside() {
    assert_eq!(
        found("She studied at Morville University and the Institute of Marine Studies."),
        vec![
            pair("Morville University", "local:morville-university"),
            pair(
                "Institute of Marine Studies",
                "local:institute-of-marine-studies"
            ),
        ]
    );
    // A sentence's first function word is not part of the name; the complement keeps its
    // `and`; the same name twice is one entity.
    assert_eq!(
        found(
            "At Morville Harbour the Department of Mines and Energy met. Morville Harbour slept."
        ),
        vec![
            pair("Morville Harbour", "local:morville-harbour"),
            pair(
                "Department of Mines and Energy",
                "local:department-of-mines-and-energy"
            ),
            pair("Morville Harbour", "local:morville-harbour"),
        ]
    );
    // A head word alone is no name, nor is a known name whole.
    assert_eq!(found("The University said no."), vec![]);
    assert_eq!(
        found("Talks in Congress stalled."),
        vec![pair("Congress", "co")]
    );
}

#[test]
fn a_name_stops_at_a_title_a_date_and_a_second_name() {
    assert_eq!(
        found("Morville Police Sgt. Ada Quist spoke to the Morville High Court on Monday."),
        vec![
            pair("Morville Police", "local:morville-police"),
            pair("Ada Quist", "local:ada-quist"),
            pair("Morville High Court", "local:morville-high-court"),
        ]
    );
    // Two names joined by `and` are two; one with `and` before its head is one.
    assert_eq!(
        found("the Department of Energy and Morville Transit Authority"),
        vec![
            pair("Department of Energy", "local:department-of-energy"),
            pair(
                "Morville Transit Authority",
                "local:morville-transit-authority"
            ),
        ]
    );
    assert_eq!(
        found("by Harbour and Border Protection officers"),
        vec![pair(
            "Harbour and Border Protection",
            "local:harbour-and-border-protection"
        )]
    );
    // `Morville-based` says where a firm is from: the name starts after it.
    assert_eq!(
        found("a Morville-based Quist Advisory Group analyst"),
        vec![
            pair("Morville", "mo"),
            pair("Quist Advisory Group", "local:quist-advisory-group")
        ]
    );
}

#[test]
fn events_teams_and_parts_of_regions() {
    // An event takes its words away from the place and the person inside it.
    assert_eq!(
        found("Runners of the Morville Marathon and the Paula Quist Cup on Morville Day."),
        vec![]
    );
    // A given name and an event's head word are a person (`Doris Day`).
    assert_eq!(
        found("Doris Day said so."),
        vec![pair("Doris Day", "local:doris-day")]
    );
    // A city and a capitalised plural is a team; a lower-case word after the city is not.
    assert_eq!(
        found("The Morville Otters beat them. Morville residents cheered."),
        vec![
            pair("Morville Otters", "local:morville-otters"),
            pair("Morville", "mo")
        ]
    );
    assert_eq!(
        found("Rain fell in Northern Chad."),
        vec![pair("Northern Chad", "local:northern-chad")]
    );
}

#[test]
fn local_organisations_index_characters_and_have_their_kind() {
    let text = "Ça va: Göteborg Universität sagte, the Åre Ski Association agreed.";
    let g = gaz();
    let m = g.find(text, Default::default()).unwrap();
    let got = find(text, m, &g);
    let chars: Vec<char> = text.chars().collect();
    let spans: Vec<(String, &str)> = got
        .iter()
        .map(|m| {
            let s: String = chars[m.span.char_start..m.span.char_end].iter().collect();
            assert_eq!(s, text[m.span.byte_start..m.span.byte_end]);
            (s, m.describe(&g).kind)
        })
        .collect();
    assert_eq!(spans, vec![("Åre Ski Association".to_string(), "org")]);
}

#[test]
fn a_title_of_nobility_with_its_seat_is_a_person_and_a_demonym_ends_no_name() {
    assert_eq!(
        found("A portrait of The Duchess of Morville hung there."),
        vec![pair(
            "The Duchess of Morville",
            "local:the-duchess-of-morville"
        )]
    );
    // `Lowland Chadian, who` is no person's name.
    assert_eq!(
        found("They met a Lowland Chadian, who left."),
        vec![pair("Lowland", "lw"), pair("Chadian", "ch")]
    );
    // A rank after a given name is no surname for later mentions.
    assert_eq!(
        found("Anna Duchess waved. Later the Duchess left."),
        vec![pair("Anna Duchess", "local:anna-duchess")]
    );
    // A demonym after a capitalised word is part of a name in capitals, not the country.
    assert_eq!(
        found("He bought a Quist Chadian Bakery loaf at the morning market yesterday."),
        vec![]
    );
    assert_eq!(found("a Chadian bakery"), vec![pair("Chadian", "ch")]);
    // Not in a headline written in title case, nor after a number's unit.
    assert_eq!(
        found("Report Says Morville Will Host 10K Chadian Runners\nText."),
        vec![pair("Morville", "mo"), pair("Chadian", "ch")]
    );
    assert_eq!(
        found("the 10K Chadian runners"),
        vec![pair("Chadian", "ch")]
    );
    // As a surname the word is a name like any other.
    assert_eq!(
        found("Annie Duke said so."),
        vec![pair("Annie Duke", "local:annie-duke")]
    );
    // The gazetteer's place at the end of a complement is inside the name; the head word
    // is not the gazetteer's.
    assert_eq!(
        found("the Centre for Coastal Studies of Morville"),
        vec![pair(
            "Centre for Coastal Studies of Morville",
            "local:centre-for-coastal-studies-of-morville"
        )]
    );
}

#[test]
fn initials_and_short_given_names_start_a_name() {
    assert_eq!(
        found("Later JK Brandvold and E. Ekstrom arrived."),
        vec![
            pair("JK Brandvold", "local:jk-brandvold"),
            pair("E. Ekstrom", "local:e--ekstrom"),
        ]
    );
    // A capitalised two-letter word is not either (`As Chadia slept`).
    assert_eq!(
        found("As Morville slept, JK Brandvold left."),
        vec![
            pair("Morville", "mo"),
            pair("JK Brandvold", "local:jk-brandvold")
        ]
    );
    // A byline's `By` is not part of the name.
    assert_eq!(
        found("By Anna Arvel\nThe plan failed."),
        vec![pair("Anna Arvel", "local:anna-arvel")]
    );
    // A two-letter code is no pair of initials.
    assert_eq!(
        found("The US Morville office."),
        vec![pair("Morville", "mo")]
    );
}

#[test]
fn a_local_person_has_the_gender_of_the_title_or_the_given_name() {
    let g = gaz();
    let text = "Mrs. Vennick met Talia Brosk, Oskar Brosk and Jordan Pell. Sir Egon Traa and \
                Taylor Haske left.";
    let m = g.find(text, Default::default()).unwrap();
    let got: Vec<(String, Option<&str>)> = find(text, m, &g)
        .iter()
        .filter_map(|m| m.local.as_ref())
        .map(|p| (p.name.clone(), p.gender))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Vennick".to_string(), Some("female")), // by the title
            ("Talia Brosk".to_string(), Some("female")),
            ("Oskar Brosk".to_string(), Some("male")),
            ("Jordan Pell".to_string(), Some("male")), // mostly men's in the Census
            ("Egon Traa".to_string(), Some("male")),   // by the title
            ("Taylor Haske".to_string(), None),        // both
        ]
    );
}

#[test]
fn a_surname_after_another_given_name_is_another_person_and_a_given_name_is_no_demonym() {
    let g = Gazetteer::from_records(
        vec![
            json!({"id": "pq", "name": "Paula Quist", "kind": "person", "surnames": ["Quist"]}),
            json!({"id": "fi", "name": "Finnmark", "kind": "place", "demonyms": ["Finn", "Finns"]}),
        ],
        GazetteerOptions::default(),
    )
    .unwrap();
    let run = |text: &str| found_in(&g, text);
    assert_eq!(
        run("Paula Quist spoke. Later Quist and her husband Oskar Quist left."),
        vec![
            pair("Paula Quist", "pq"),
            pair("Quist", "pq"),
            pair("Oskar Quist", "local:oskar-quist"),
        ]
    );
    // `Finn` is a given name: alone it is a person's name; after an article, a number or as
    // a plural it is the demonym.
    assert_eq!(
        run("Later Finn and Rachel sang."),
        vec![pair("Finn", "local:finn")]
    );
    assert_eq!(
        run("A Finn won; two Finns lost, and one Finn drew."),
        vec![pair("Finn", "fi"), pair("Finns", "fi"), pair("Finn", "fi")]
    );
    assert_eq!(
        run("Later Finn scored twice."),
        vec![pair("Finn", "local:finn")]
    );
}

#[test]
fn an_adjective_shaped_demonym_before_a_lower_case_word_is_the_adjective() {
    let g = Gazetteer::from_records(
        vec![json!({"id": "de", "name": "Germany", "kind": "place", "demonyms": ["German"]})],
        GazetteerOptions::default(),
    )
    .unwrap();
    let run = |text: &str| found_in(&g, text);
    // `German` is also a given name (Germán), but before a noun it is the adjective.
    assert_eq!(
        run("She translated a book of German poems into Welsh."),
        vec![pair("German", "de")]
    );
    // Before a speech verb, or a capital, it stands alone as a name does.
    assert_eq!(
        run("Afterwards German said he was staying."),
        vec![pair("German", "local:german")]
    );
}
