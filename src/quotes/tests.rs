use super::*;
use crate::gazetteer::{GazetteerOptions, MatchOptions};
use proptest::prelude::*;
use serde_json::json;

fn gaz() -> Gazetteer {
    Gazetteer::from_records(
        vec![
            json!({"id": "smith", "name": "Jane Smith", "kind": "person", "surnames": ["Smith"]}),
            json!({"id": "nis", "name": "National Intelligence Service", "kind": "org",
                   "aliases": ["NIS"], "type": "intelligence agency", "country": "KR"}),
            json!({"id": "kr", "name": "South Korea", "kind": "place",
                   "demonyms": ["South Korean"], "country": "KR"}),
        ],
        GazetteerOptions::default(),
    )
    .unwrap()
}

fn run(g: &Gazetteer, text: &str) -> (Vec<Quote>, Vec<Option<Box<Source>>>) {
    let mentions = g.find(text, MatchOptions::default()).unwrap();
    let nums: Vec<(usize, usize)> = crate::numbers::find_numbers(text, Default::default())
        .unwrap()
        .iter()
        .map(|n| (n.span.byte_start, n.span.byte_end))
        .collect();
    analyse(text, &mentions, g, &nums)
}

/// (quote text, speaker text, speaker id) of each quote.
fn quotes(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let g = gaz();
    run(&g, text)
        .0
        .iter()
        .map(|q| {
            let sp = q.speaker.as_ref();
            (
                text[q.span.byte_start..q.span.byte_end].to_string(),
                sp.map(|s| text[s.span.byte_start..s.span.byte_end].to_string()),
                sp.and_then(|s| s.entity)
                    .map(|e| g.entity(e as usize).id().to_string()),
            )
        })
        .collect()
}

fn raw(text: &str) -> Vec<&str> {
    let paras = crate::text::paragraphs(text);
    marks::find(text, &paras)
        .iter()
        .map(|q| &text[q.span().0..q.span().1])
        .collect()
}

#[test]
fn paragraphs_split_on_blank_lines_only() {
    let t = "a\nb\n\n  c \n \t\n\nd";
    let p: Vec<&str> = crate::text::paragraphs(t)
        .iter()
        .map(|&(a, b)| &t[a..b])
        .collect();
    assert_eq!(p, ["a\nb", "c", "d"]);
}

#[test]
fn marks_pair_by_style_and_skip_apostrophes() {
    assert_eq!(
        raw("He said \u{201c}yes\u{201d} and \"no\"."),
        ["yes", "no"]
    );
    assert_eq!(
        raw("the voters\u{2019} choice, don\u{2019}t"),
        Vec::<&str>::new()
    );
    assert_eq!(
        raw("\u{201e}Ja\u{201c} und \u{00ab}oui\u{00bb}"),
        ["Ja", "oui"]
    );
    assert_eq!(raw("''two singles''"), ["two singles"]);
    // A nested single quote stays inside the double quote.
    assert_eq!(raw("\"a 'b c' d\""), ["a 'b c' d"]);
    // An unclosed single mark is no quote; an unclosed double runs to the paragraph end.
    assert_eq!(raw("'90s music"), Vec::<&str>::new());
    assert_eq!(raw("\"open\n\nnext"), ["open"]);
}

#[test]
fn stray_mark_is_contained_in_its_paragraph() {
    assert_eq!(raw("a \"b c\n\n\"d,\" e said. \"f\""), ["b c", "d,", "f"]);
}

#[test]
fn continued_quote_spans_paragraphs() {
    let t = "\"One.\n\n\"Two.\n\n\"Three,\" she said.";
    let paras = crate::text::paragraphs(t);
    let q = marks::find(t, &paras);
    assert_eq!(q.len(), 1);
    let parts: Vec<&str> = q[0].parts.iter().map(|&(a, b)| &t[a..b]).collect();
    assert_eq!(parts, ["One.", "Two.", "Three,"]);
    assert!(q[0].closed);
}

#[test]
fn speakers_before_after_and_by_pronoun() {
    assert_eq!(
        quotes("Jane Smith said, \"We won.\" Later: \"It is over,\" she said."),
        [
            (
                "We won.".into(),
                Some("Jane Smith".into()),
                Some("smith".into())
            ),
            (
                "It is over,".into(),
                Some("she".into()),
                Some("smith".into())
            ),
        ]
    );
    assert_eq!(
        quotes("\"Troops moved,\" said the spy agency."),
        [(
            "Troops moved,".into(),
            Some("the spy agency".into()),
            None // no intelligence agency named anywhere
        )]
    );
    assert_eq!(
        quotes("\"Troops moved,\" said the spy agency. The NIS released images."),
        [(
            "Troops moved,".into(),
            Some("the spy agency".into()),
            Some("nis".into())
        )]
    );
}

#[test]
fn number_sources() {
    let g = gaz();
    let text = "According to South Korean lawmakers, the North sent 3,000 troops.";
    let (_, src) = run(&g, text);
    let s = src[0].as_ref().expect("a source");
    assert_eq!(
        &text[s.speaker.span.byte_start..s.speaker.span.byte_end],
        "South Korean lawmakers"
    );
    assert_eq!(s.speaker.entity, None);
    let (_, src) = run(&g, "The North sent 3,000 troops.");
    assert_eq!(src, [None]);
}

#[test]
fn offsets_are_characters() {
    let g = gaz();
    let text = "\u{00e9}\u{1f600} Jane Smith said, \u{201c}\u{00e9}t\u{00e9} 500 fois.\u{201d}";
    let (q, src) = run(&g, text);
    let chars: Vec<char> = text.chars().collect();
    let sl = |s: &OrigSpan| chars[s.char_start..s.char_end].iter().collect::<String>();
    assert_eq!(sl(&q[0].span), "\u{00e9}t\u{00e9} 500 fois.");
    assert_eq!(sl(&q[0].speaker.as_ref().unwrap().span), "Jane Smith");
    assert_eq!(src[0].as_ref().unwrap().quote, Some(0));
}

fn check(text: &str, g: &Gazetteer) -> Result<(), TestCaseError> {
    let (qs, srcs) = run(g, text);
    let valid = |s: &OrigSpan| -> Result<(), TestCaseError> {
        prop_assert!(s.byte_start <= s.byte_end && s.byte_end <= text.len());
        prop_assert!(text.is_char_boundary(s.byte_start) && text.is_char_boundary(s.byte_end));
        prop_assert_eq!(text[..s.byte_start].chars().count(), s.char_start);
        prop_assert_eq!(text[..s.byte_end].chars().count(), s.char_end);
        Ok(())
    };
    let mut prev = 0;
    for q in &qs {
        valid(&q.span)?;
        prop_assert!(q.span.byte_start >= prev, "quotes sorted and disjoint");
        prop_assert!(q.span.byte_start < q.span.byte_end, "never empty");
        prev = q.span.byte_end;
        for p in &q.paragraphs {
            valid(p)?;
            prop_assert!(q.span.byte_start <= p.byte_start && p.byte_end <= q.span.byte_end);
        }
        if let Some(s) = &q.speaker {
            valid(&s.span)?;
        }
        if let Some(v) = &q.verb {
            valid(v)?;
        }
    }
    for s in srcs.iter().flatten() {
        valid(&s.speaker.span)?;
        if let Some(i) = s.quote {
            prop_assert!(i < qs.len());
        }
    }
    // Deterministic.
    prop_assert_eq!(run(g, text), (qs, srcs));
    Ok(())
}

proptest! {
    #[test]
    fn invariants_on_mark_soup(parts in proptest::collection::vec(prop_oneof![
        Just("\"".to_string()), Just("'".to_string()), Just("\u{201c}".to_string()),
        Just("\u{201d}".to_string()), Just("\u{2018}".to_string()), Just("\u{2019}".to_string()),
        Just("\u{00ab}".to_string()), Just("\u{00bb}".to_string()), Just("\u{201e}".to_string()),
        Just(" said ".to_string()), Just(", ".to_string()), Just(". ".to_string()),
        Just("\n\n".to_string()), Just("\n".to_string()), Just(" Jane Smith ".to_string()),
        Just(" he ".to_string()), Just(" 3,000 ".to_string()), Just(" according to ".to_string()),
        "\\PC{0,5}",
    ], 0..40)) {
        let g = gaz();
        check(&parts.concat(), &g)?;
    }

    #[test]
    fn invariants_on_any_text(s in "\\PC{0,120}") {
        let g = gaz();
        check(&s, &g)?;
    }
}

#[test]
fn pronouns_pass_over_people_of_the_other_gender() {
    let g = Gazetteer::from_records(
        vec![
            json!({"id": "harris", "name": "Kamala Harris", "kind": "person", "gender": "female"}),
            json!({"id": "biden", "name": "Joe Biden", "kind": "person", "gender": "M"}),
            json!({"id": "lee", "name": "Alex Lee", "kind": "person"}),
            json!({"id": "kim", "name": "Sam Kim", "kind": "person"}),
        ],
        GazetteerOptions::default(),
    )
    .unwrap();
    let who = |text: &str| -> Vec<Option<String>> {
        run(&g, text)
            .0
            .iter()
            .map(|q| {
                q.speaker
                    .as_ref()
                    .and_then(|s| s.entity)
                    .map(|e| g.entity(e as usize).id().to_string())
            })
            .collect()
    };
    // The gazetteer's gender attribute.
    let t = "Kamala Harris met Joe Biden on Monday. \"We agreed,\" she said. \"Good,\" he said.";
    assert_eq!(who(t), [Some("harris".into()), Some("biden".into())]);
    // A title in the text, for people the gazetteer has no gender for.
    let t = "Ms. Alex Lee called Mr. Sam Kim. \"It went well,\" she said. \"Yes,\" he said.";
    assert_eq!(who(t), [Some("lee".into()), Some("kim".into())]);
    // Unknown gender: the most recent person, as before.
    let t = "Alex Lee called Sam Kim. \"It went well,\" she said.";
    assert_eq!(who(t), [Some("kim".into())]);
    // Nobody of that gender: no entity rather than the wrong one.
    let t = "Joe Biden arrived. \"Thanks,\" she said.";
    assert_eq!(who(t), [None]);
}

/// (quote, speaker text) pairs, for the rule tests below.
fn said(text: &str) -> Vec<(String, Option<String>)> {
    quotes(text).into_iter().map(|(q, s, _)| (q, s)).collect()
}

fn pair(q: &str, s: Option<&str>) -> (String, Option<String>) {
    (q.to_string(), s.map(str::to_string))
}

#[test]
fn a_quote_opening_a_later_sentence_continues_the_speaker() {
    let t = "\"The bridge is safe,\" said Omar Diaz, the engineer. \"We checked every bolt.\"";
    assert_eq!(
        said(t),
        vec![
            pair("The bridge is safe,", Some("Omar Diaz")),
            pair("We checked every bolt.", Some("Omar Diaz")),
        ]
    );
    // A quote that is a paragraph of its own continues the paragraph before.
    let t = "\"Rain again,\" Lena Holm said.\n\n\"The harvest will be late.\"";
    assert_eq!(
        said(t)[1],
        pair("The harvest will be late.", Some("Lena Holm"))
    );
}

#[test]
fn verbs_from_the_lexicon_introduce_quotes() {
    for verb in [
        "quipped",
        "fumed",
        "mused",
        "scoffed",
        "conceded",
        "marvelled",
        "implored",
    ] {
        let t = format!("\"Not this again,\" {verb} Petra Novak.");
        assert_eq!(
            said(&t),
            vec![pair("Not this again,", Some("Petra Novak"))],
            "{verb}"
        );
    }
}

#[test]
fn participles_take_the_clause_subject_not_the_addressee() {
    let t = "The coach thanked the fans, telling the crowd, \"You carried us tonight.\"";
    assert_eq!(
        said(t),
        vec![pair("You carried us tonight.", Some("The coach"))]
    );
    let t = "Before the vote, Rosa Lind spoke for an hour, saying \"the plan is broken.\"";
    assert_eq!(
        said(t),
        vec![pair("the plan is broken.", Some("Rosa Lind"))]
    );
    // `adding that …` is a clause, never a speaker.
    let t = "Prices rose, adding that growth was \"on track.\"";
    assert!(said(t)
        .iter()
        .all(|(_, s)| s.as_deref() != Some("that growth")));
}

#[test]
fn a_speech_verb_inside_a_name_is_no_cue() {
    // `States` in `United States`: not the verb `states`.
    let g = Gazetteer::from_records(
        vec![json!({"id": "us", "name": "United States", "kind": "place"})],
        GazetteerOptions::default(),
    )
    .unwrap();
    let t = "Ines Ortega wrote that the United States \"must act now.\"";
    let (qs, _) = run(&g, t);
    let sp = qs[0].speaker.as_ref().expect("speaker");
    assert_eq!(&t[sp.span.byte_start..sp.span.byte_end], "Ines Ortega");
}

#[test]
fn long_appositions_and_designations_resolve_to_the_name() {
    let t = "Karl Weber, the head of Civic Watch, a group that tracks budgets in six cities, \
             said \"the numbers do not add up.\"";
    assert_eq!(said(t)[0].1.as_deref(), Some("Karl Weber"));
    let t = "Sen. Dana Price (D-Ore.) said the deal was \"a fair start.\"";
    assert_eq!(said(t)[0].1.as_deref(), Some("Sen. Dana Price"));
    let t = "Mr. Ruiz was prompted to say, \"Nobody asked me.\"";
    assert_eq!(said(t)[0].1.as_deref(), Some("Mr. Ruiz"));
}

#[test]
fn headline_quotes_belong_to_the_name_that_opens_them() {
    let t = "Mayor Vows City Will 'Never Give Up'\n\nThe mayor spoke on Friday.";
    assert_eq!(said(t), vec![pair("Never Give Up", Some("Mayor"))]);
    let t = "Holm: Storm Damage 'Worse Than Feared'\n\nCrews worked overnight.";
    assert_eq!(said(t), vec![pair("Worse Than Feared", Some("Holm"))]);
}

#[test]
fn speakers_are_noun_phrases() {
    // No adverb, determiner or time phrase as the speaker.
    let t = "\"We will appeal,\" Tom Reyes jokingly said.";
    assert_eq!(said(t)[0].1.as_deref(), Some("Tom Reyes"));
    let t = "The union issued a statement saying \"talks have failed.\"";
    assert_eq!(said(t)[0].1.as_deref(), Some("The union"));
    let t = "In recent days said \"nothing\" and left.";
    assert!(said(t)
        .iter()
        .all(|(_, s)| s.as_deref() != Some("recent days")));
}

#[test]
fn pronouns_of_unknown_people_point_to_their_names() {
    let g = gaz();
    let t =
        "\"We are ready,\" said Anna Berg, the mayor. Later she added: \"The roads open Monday.\"";
    let (qs, _) = run(&g, t);
    let sp = qs[1].speaker.as_ref().expect("speaker");
    assert_eq!(&t[sp.span.byte_start..sp.span.byte_end], "she");
    let ante = sp.antecedent.expect("antecedent");
    assert_eq!(&t[ante.byte_start..ante.byte_end], "Anna Berg");
}

#[test]
fn a_word_quoted_as_a_word_and_subheadings_are_not_quotes() {
    let t = "Ana Ruiz said the memo, sent to all staff on Friday night, used the word \"synergy\".";
    assert!(said(t).is_empty(), "{:?}", said(t));
    let t = "Talks resumed on Monday.\n\n'The Road Ahead'\n\nBoth sides met again.";
    assert!(said(t).is_empty());
}

#[test]
fn a_participle_after_a_common_noun_takes_the_clause_subject() {
    let t = "Rosa Lind opened the hearing saying \"the budget is late.\"";
    assert_eq!(said(t)[0].1.as_deref(), Some("Rosa Lind"));
    // After a comma, the clause's previous speaker.
    let t = "Omar Diaz replied at once, saying \"we cannot wait.\"";
    assert_eq!(said(t)[0].1.as_deref(), Some("Omar Diaz"));
}

#[test]
fn a_cue_that_introduces_the_next_quote_leaves_the_one_before() {
    let t = "Lena Holm promised to end \"the long wait.\" She added, \"Soon.\"";
    let got = said(t);
    assert_eq!(got[0], pair("the long wait.", Some("Lena Holm")));
    assert_eq!(got[1], pair("Soon.", Some("She")));
}

#[test]
fn colon_introductions_and_dashed_appositions() {
    let t = "Ines Ortega gave a short answer: \"Not this year.\"";
    assert_eq!(said(t)[0].1.as_deref(), Some("Ines Ortega"));
    let t = "Karl Weber — a farmer from Tarnby — says the rain was \"a gift.\"";
    assert_eq!(said(t)[0].1.as_deref(), Some("Karl Weber"));
}

#[test]
fn a_local_entity_speaks_and_a_pronoun_finds_it_by_its_gender() {
    use crate::gazetteer::{Form, LocalEntity};
    use std::sync::Arc;
    let g = gaz();
    let text = "Jane Smith met Ilse Varga. \"We agreed,\" he said. \"It is done,\" Varga said.";
    let local = Arc::new(LocalEntity {
        id: "local:ilse-varga".into(),
        name: "Ilse Varga".into(),
        kind: "person",
        gender: Some("female"),
    });
    let mut mentions = g.find(text, MatchOptions::default()).unwrap();
    for (s, form) in [("Ilse Varga", Form::Name), ("Varga said", Form::Surname)] {
        let b = text.find(s).unwrap();
        let e = b + s
            .split(' ')
            .next()
            .filter(|_| form == Form::Surname)
            .map_or(s.len(), str::len);
        mentions.push(Mention {
            span: OrigSpan {
                char_start: b,
                char_end: e,
                byte_start: b,
                byte_end: e,
            },
            entity: u32::MAX,
            form,
            candidates: Vec::new(),
            ambiguous: false,
            local: Some(local.clone()),
        });
    }
    mentions.sort_by_key(|m| m.span.byte_start);
    let (qs, _) = analyse(text, &mentions, &g, &[]);
    let who: Vec<(Option<&str>, Option<String>)> = qs
        .iter()
        .map(|q| {
            let sp = q.speaker.as_ref().unwrap();
            (
                sp.local.as_ref().map(|p| p.id.as_str()),
                sp.entity.map(|e| g.entity(e as usize).id().to_string()),
            )
        })
        .collect();
    // `he` passes over the nearer woman (the local Ilse Varga) to the person who may be a man
    // (Jane Smith: the gazetteer gives no gender); the surname alone is the local person
    // named in full before.
    assert_eq!(who[0], (None, Some("smith".to_string())));
    assert_eq!(who[1], (Some("local:ilse-varga"), None));
}

#[test]
fn a_colon_ending_a_paragraph_introduces_the_quote_that_opens_the_next() {
    let t = "\"We are ready,\" Jane Smith said.\n\nLater the mayor Tom Okafor added:\n\n\"The roads open Monday.\"";
    let got = quotes(t);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].2.as_deref(), Some("smith"));
    // Not a continuation of Smith's quote: the colon's sentence names its speaker.
    assert_eq!(got[1].0, "The roads open Monday.");
    assert_eq!(got[1].1.as_deref(), Some("the mayor Tom Okafor"));
    // Without the colon, the quote that opens the next paragraph continues Smith.
    let t2 = "\"We are ready,\" Jane Smith said.\n\n\"The roads open Monday.\"";
    assert_eq!(quotes(t2)[1].2.as_deref(), Some("smith"));
    // Across the break, a colon after words that are no speech verb and name nobody known
    // introduces nothing (`Partial transcript:`).
    let t4 = "\"We are ready,\" Jane Smith said.\n\nIn brief:\n\n\"The roads open Monday.\"";
    assert_eq!(quotes(t4)[1].1, None);
    // A colon inside a paragraph introduces nothing in the next one.
    let t3 = "\"We are ready,\" Jane Smith said.\n\nTom Okafor had one rule: no delays.\n\n\"The roads open Monday.\"";
    assert_eq!(quotes(t3)[1].1, None);
}

#[test]
fn going_on_after_a_quote_is_speaking() {
    let t = "\"We will rebuild,\" Jane Smith went on, \"and we will do it fast.\"";
    let got = quotes(t);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(
        got.iter().all(|q| q.2.as_deref() == Some("smith")),
        "{got:?}"
    );
    // Not a cue when something other than the clause's end follows `on`.
    let t2 = "The strike went on for weeks. \"It is over,\" the union said.";
    let got2 = quotes(t2);
    assert_eq!(got2[0].1.as_deref(), Some("the union"), "{got2:?}");
}

#[test]
fn a_base_form_after_a_and_a_noun_is_a_noun() {
    let t = "Jane Smith quickly posted a Facebook comment of her own, saying, \"We are thrilled.\"";
    let got = quotes(t);
    assert_eq!(got[0].2.as_deref(), Some("smith"), "{got:?}");
    // After `a` and a noun, a verb that agrees is still a verb.
    let t2 = "\"It is over,\" a spokesman says.";
    assert_eq!(quotes(t2)[0].1.as_deref(), Some("a spokesman"));
}
