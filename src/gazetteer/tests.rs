use super::*;
use proptest::prelude::*;
use serde_json::json;

fn gaz(records: Vec<Value>) -> Gazetteer {
    Gazetteer::from_records(records, GazetteerOptions::default()).expect("valid gazetteer")
}

fn world() -> Gazetteer {
    gaz(vec![
        json!({"id": "Q3505", "name": "Lloyd Austin", "kind": "person", "aliases": ["Lloyd J. Austin"],
               "role": "Secretary of Defense"}),
        json!({"id": "Q16860", "name": "Austin", "kind": "place", "country": "US"}),
        json!({"id": "Q3874799", "name": "Volodymyr Zelenskyy", "kind": "person",
               "aliases": ["Volodymyr Zelensky", "Zelenskyy", "Zelensky"],
               "surnames": ["Zelenskyy", "Zelensky"]}),
        json!({"id": "Q423", "name": "North Korea", "kind": "place",
               "aliases": ["DPRK", "Democratic People's Republic of Korea"],
               "demonyms": ["North Korean"]}),
        json!({"id": "Q884", "name": "South Korea", "kind": "place", "demonyms": ["South Korean"]}),
        json!({"id": "Q30", "name": "United States", "kind": "place", "aliases": ["US", "U.S."]}),
        json!({"id": "Q1", "name": "National Intelligence Service", "kind": "org",
               "aliases": ["NIS"], "country": "KR"}),
        json!({"id": "Q2", "name": "Lim Eul-chul", "kind": "person", "surnames": ["Lim"]}),
        json!({"id": "Q33", "name": "Nice", "kind": "place"}),
        json!({"id": "Q794", "name": "Iran", "kind": "place"}),
        json!({"id": "Q0", "name": "Korea", "kind": "place"}),
    ])
}

/// (surface, id, form) of each mention.
fn found(g: &Gazetteer, text: &str) -> Vec<(String, String, &'static str)> {
    g.find(text, MatchOptions::default())
        .expect("find")
        .into_iter()
        .map(|m| {
            let s: String = text
                .chars()
                .skip(m.span.char_start)
                .take(m.span.char_end - m.span.char_start)
                .collect();
            assert_eq!(s, &text[m.span.byte_start..m.span.byte_end]);
            (
                s,
                g.entity(m.entity as usize).id().to_string(),
                m.form.as_str(),
            )
        })
        .collect()
}

fn ids(g: &Gazetteer, text: &str) -> Vec<String> {
    found(g, text).into_iter().map(|f| f.1).collect()
}

#[test]
fn aliases_link_to_one_entity() {
    let g = world();
    let f = found(
        &g,
        "DPRK leader; the Democratic People’s Republic of Korea and North Korean troops",
    );
    assert_eq!(
        f,
        vec![
            ("DPRK".into(), "Q423".into(), "acronym"),
            (
                "Democratic People’s Republic of Korea".into(),
                "Q423".into(),
                "alias"
            ),
            ("North Korean".into(), "Q423".into(), "demonym"),
        ]
    );
}

#[test]
fn names_across_line_breaks_and_odd_case() {
    let g = world();
    let f = found(&g, "said Lim\nEul-chul, and LLoyd Austin; LLOYD AUSTIN too");
    assert_eq!(f[0], ("Lim\nEul-chul".into(), "Q2".into(), "name"));
    assert_eq!(f[1], ("LLoyd Austin".into(), "Q3505".into(), "name"));
    assert_eq!(f[2], ("LLOYD AUSTIN".into(), "Q3505".into(), "name"));
    assert_eq!(ids(&g, "lloyd austin in lower case"), Vec::<String>::new());
}

#[test]
fn possessive_stays_outside() {
    let g = world();
    let f = found(&g, "South Korea's spy agency and South Korea’s NIS");
    assert_eq!(f[0].0, "South Korea");
    assert_eq!(f[1].0, "South Korea");
    assert_eq!(f[2], ("NIS".into(), "Q1".into(), "acronym"));
}

#[test]
fn acronyms_are_exact_and_common_words_need_capitals() {
    let g = world();
    assert_eq!(ids(&g, "the US said"), vec!["Q30"]);
    assert!(ids(&g, "told us that").is_empty());
    assert!(ids(&g, "a nice day").is_empty());
    assert_eq!(ids(&g, "in Nice and NICE"), vec!["Q33", "Q33"]);
    assert_eq!(ids(&g, "U.S. forces"), vec!["Q30"]);
}

#[test]
fn whole_words_only() {
    let g = world();
    assert!(ids(&g, "Iranian officials").is_empty());
    assert_eq!(ids(&g, "Iran-backed"), vec!["Q794"]);
    assert!(ids(&g, "NISA and USB").is_empty());
}

#[test]
fn leftmost_longest_and_overlapping() {
    let g = world();
    assert_eq!(
        ids(&g, "South Korea's National Intelligence Service"),
        vec!["Q884", "Q1"]
    );
    let all = g
        .find("South Korea", MatchOptions { overlapping: true })
        .unwrap();
    let all: Vec<&str> = all
        .iter()
        .map(|m| g.entity(m.entity as usize).id())
        .collect();
    assert_eq!(all, vec!["Q884", "Q0"]);
}

#[test]
fn surnames_need_the_full_name_first() {
    let g = world();
    // Without the full name, Austin is the city.
    assert_eq!(ids(&g, "Austin made the remark"), vec!["Q16860"]);
    // After it, Austin is the person, as a surname.
    let f = found(&g, "Lloyd Austin spoke. Austin made the remark");
    assert_eq!(f[1], ("Austin".into(), "Q3505".into(), "surname"));
    // A title that names the person's office is enough, even without the full name.
    let f = found(&g, "Defence Secretary Austin said");
    assert_eq!(f, vec![("Austin".into(), "Q3505".into(), "surname")]);
    // A courtesy title, or one naming another office, is not: any number of people share a
    // surname with someone in a gazetteer.
    assert!(ids(&g, "Mr. Lim said").is_empty());
    assert!(ids(&g, "Sen. Lim said").is_empty());
    assert_eq!(ids(&g, "Sen. Austin said"), vec!["Q16860"]);
    // Nor is a title before a given name: `Austin Reed` is someone else.
    assert_eq!(ids(&g, "Secretary Austin Reed said"), vec!["Q16860"]);
    assert_eq!(ids(&g, "Lim Eul-chul left. Mr. Lim said"), vec!["Q2", "Q2"]);
    // A surname alone that is no other entity's name yields nothing.
    assert!(ids(&g, "Lim said").is_empty());
    assert_eq!(ids(&g, "Lim Eul-chul said. Lim added"), vec!["Q2", "Q2"]);
}

#[test]
fn zelenskyy_spellings_are_one_person() {
    let g = world();
    assert_eq!(
        ids(&g, "Volodymyr Zelenskyy met Zelensky; Volodymyr Zelensky"),
        vec!["Q3874799", "Q3874799", "Q3874799"]
    );
}

#[test]
fn shared_aliases_are_explicit_ambiguities() {
    let g = gaz(vec![
        json!({"id": "ga", "name": "Georgia", "kind": "place", "country": "US"}),
        json!({"id": "ge", "name": "Georgia", "kind": "place", "priority": 5}),
    ]);
    let m = g.find("in Georgia", MatchOptions::default()).unwrap();
    assert_eq!(m.len(), 1);
    assert_eq!(g.entity(m[0].entity as usize).id(), "ge", "priority wins");
    assert_eq!(m[0].candidates, vec![1, 0]);
    let amb = g.ambiguities();
    assert_eq!(amb.len(), 1);
    assert_eq!(amb[0].ids, vec!["ge", "ga"]);
}

#[test]
fn malformed_records_name_the_record() {
    let opts = GazetteerOptions::default();
    let cases = vec![
        (
            json!([{"id": "a", "name": "A a", "kind": "x"}, {"name": "B", "kind": "x"}]),
            1,
            "id",
        ),
        (json!([{"id": "a", "name": "", "kind": "x"}]), 0, "name"),
        (
            json!([{"id": "a", "name": "Aa", "kind": "x", "aliases": ["ok", "  "]}]),
            0,
            "empty",
        ),
        (
            json!([{"id": "a", "name": "Aa", "kind": "x"}, {"id": "a", "name": "B", "kind": "x"}]),
            1,
            "duplicate",
        ),
        (
            json!([{"id": "a", "name": "Aa", "kind": "x", "aliases": [{"text": "b", "form": "nick"}]}]),
            0,
            "form",
        ),
        (
            json!([{"id": "a", "name": "Aa", "kind": "x", "aliases": [{"text": "b", "case": "loud"}]}]),
            0,
            "case",
        ),
        (
            json!([{"id": "a", "name": "Aa", "kind": "x", "aliases": ["\u{200B}--"]}]),
            0,
            "no letters",
        ),
        (
            json!([{"id": "a", "name": "Aa", "kind": "x"}, {"id": "b", "name": "Bb", "kind": "x", "case": "loud"}]),
            1,
            "entity \"b\": unknown case policy \"loud\"",
        ),
        (
            json!([{"id": "a", "name": "Aa", "kind": "x", "name_case": 3}]),
            0,
            "entity \"a\": name_case: case must be a string, not a number",
        ),
        (
            json!([{"id": "a", "name": "Aa", "kind": "x", "aliases": ["ok", {"text": "b", "case": 1}]}]),
            0,
            "aliases[1]: case must be a string",
        ),
        (json!(["not an object"]), 0, "object"),
        (
            json!([{"id": "a", "name": "Aa", "kind": "x", "aliases": 5}]),
            0,
            "list",
        ),
    ];
    for (recs, record, needle) in cases {
        let recs = recs.as_array().unwrap().clone();
        let err = Gazetteer::from_records(recs, opts).expect_err(needle);
        assert_eq!(err.record(), Some(record), "{err}");
        assert!(
            err.to_string().contains(needle),
            "{err} should mention {needle}"
        );
    }
}

#[test]
fn very_long_alias_matches() {
    let long: String = (0..2500).map(|i| format!("w{i} ")).collect::<String>();
    let long = long.trim().to_string();
    assert!(long.len() > 10_000);
    let g = gaz(vec![
        json!({"id": "L", "name": long.clone(), "kind": "x", "aliases": [long.to_uppercase()]}),
    ]);
    let text = format!("before {} after", long.to_uppercase());
    assert_eq!(ids(&g, &text), vec!["L"]);
}

#[test]
fn records_round_trip() {
    let g = world();
    let back: Vec<Value> = g.entities().map(|e| e.to_record()).collect();
    let g2 = Gazetteer::from_records(back, GazetteerOptions::default()).unwrap();
    let a: Vec<Entity> = g.entities().map(|e| e.to_entity()).collect();
    let b: Vec<Entity> = g2.entities().map(|e| e.to_entity()).collect();
    assert_eq!(a, b);
}

#[test]
fn merge_and_exclude() {
    let a = world();
    let b = gaz(vec![
        json!({"id": "Q884", "name": "Republic of Korea", "kind": "place"}),
    ]);
    assert!(a.merge(&b, OnConflict::Error).is_err());
    let r = a.merge(&b, OnConflict::Replace).unwrap();
    assert_eq!(r.get("Q884").unwrap().name(), "Republic of Korea");
    let k = a.merge(&b, OnConflict::Keep).unwrap();
    assert_eq!(k.get("Q884").unwrap().name(), "South Korea");
    let no_places = a.exclude(&[], &["place".to_string()]).unwrap();
    assert!(no_places.entities().all(|e| e.kind() != "place"));
    assert!(ids(&no_places, "North Korea and Lloyd Austin").contains(&"Q3505".to_string()));
}

#[test]
fn large_gazetteer_uses_the_tree() {
    // 20,000 names on one first byte make one shard too large for a DFA: a prefix tree.
    let mut recs: Vec<Value> = (0..20_000)
        .map(|i| json!({"id": format!("e{i}"), "name": format!("Name{i} Place{i}"), "kind": "place"}))
        .collect();
    // Nested names on the same first byte: the longest that ends at a word boundary wins.
    for (id, name) in [
        ("n", "Nantes"),
        ("na", "Nantes Atlantique"),
        ("nx", "Nantesville"),
    ] {
        recs.push(json!({"id": id, "name": name, "kind": "place"}));
    }
    let g = gaz(recs);
    assert!(g.compiled().unwrap().memory_usage() > 0);
    assert_eq!(
        ids(
            &g,
            "from Name19999 Place19999 to NAME7 Place7, not name8 place8."
        ),
        vec!["e19999", "e7"]
    );
    assert_eq!(
        ids(
            &g,
            "Nantes Atlantique, Nantes Atlantiques, Nantesvilles, Nantesville."
        ),
        vec!["na", "n", "nx"]
    );
}

#[test]
fn titles_settle_shared_surnames_by_role() {
    let g = gaz(vec![
        json!({"id": "kju", "name": "Kim Jong Un", "kind": "person", "surnames": ["Kim"],
               "role": "Supreme Leader of North Korea"}),
        json!({"id": "kyh", "name": "Kim Yong-hyun", "kind": "person", "surnames": ["Kim"],
               "role": "Defense Minister of South Korea"}),
        json!({"id": "cty", "name": "Cho Tae-yul", "kind": "person", "surnames": ["Cho"],
               "role": "Foreign Minister of South Korea"}),
        json!({"id": "cty2", "name": "Cho Tae-yong", "kind": "person", "surnames": ["Cho"],
               "role": "Director of the National Intelligence Service"}),
    ]);
    let pick = |text: &str| -> Vec<(String, bool)> {
        g.find(text, MatchOptions::default())
            .unwrap()
            .into_iter()
            .map(|m| (g.entity(m.entity as usize).id().to_string(), m.ambiguous))
            .collect()
    };
    // Both Kims named, then a title decides (British spelling against an American role).
    let t = "Kim Jong Un and Kim Yong-hyun. South Korean Defence Minister Kim said no.";
    assert_eq!(pick(t)[2], ("kyh".to_string(), false));
    let t = "Kim Jong Un and Kim Yong-hyun. North Korean leader Kim said yes.";
    assert_eq!(pick(t)[2], ("kju".to_string(), false));
    // A title before any full name: the only minister among the Chos with that portfolio.
    assert_eq!(
        pick("Foreign Minister Cho arrived.")[0],
        ("cty".to_string(), false)
    );
    // A head word no role has (`Mr.`) decides nothing; the mention stays ambiguous.
    let t = "Kim Jong Un and Kim Yong-hyun. Mr. Kim said.";
    assert!(pick(t)[2].1);
    // A modifier alone is not enough: `Defence` without the head word `minister`.
    let t = "Kim Jong Un and Kim Yong-hyun. Defence official Kim said.";
    assert!(pick(t).get(2).is_none_or(|m| m.1));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every mention's span is on char boundaries, inside the text, sorted, non-overlapping,
    /// and normalises to its alias. (Whitespace with at most one line break: a blank line
    /// is a paragraph break, which no match crosses.)
    #[test]
    fn spans_are_valid(prefix in "\\PC{0,20}", sep in "[ \n\u{00A0}\t][ \u{00A0}\t]{0,2}", suffix in "\\PC{0,20}") {
        let g = world();
        let text = format!("{prefix} Lloyd{sep}Austin {suffix}");
        let ms = g.find(&text, MatchOptions::default()).unwrap();
        let mut last_end = 0;
        for m in &ms {
            prop_assert!(m.span.byte_start >= last_end);
            prop_assert!(text.is_char_boundary(m.span.byte_start));
            prop_assert!(text.is_char_boundary(m.span.byte_end));
            prop_assert!(m.span.byte_end <= text.len());
            prop_assert_eq!(text[..m.span.byte_start].chars().count(), m.span.char_start);
            last_end = m.span.byte_end;
        }
        let has_austin = ms.iter().any(|m| g.entity(m.entity as usize).id() == "Q3505");
        let prefix_ends_word = prefix.chars().last().is_some_and(crate::text::is_word_char);
        if !prefix_ends_word {
            prop_assert!(has_austin, "missed Lloyd Austin in {:?}", text);
        }
    }

    #[test]
    fn normaliser_never_panics(s in "\\PC{0,64}") {
        let g = world();
        let _ = g.find(&s, MatchOptions { overlapping: true }).unwrap();
    }
}

#[test]
fn no_match_across_a_blank_line_but_across_a_wrap() {
    let g = Gazetteer::from_records(
        vec![json!({"id": "q", "name": "Costa Rica", "kind": "place"})],
        GazetteerOptions::default(),
    )
    .unwrap();
    assert!(g
        .find("went to Costa\n\nRica", MatchOptions::default())
        .unwrap()
        .is_empty());
    assert_eq!(
        g.find("went to Costa\nRica", MatchOptions::default())
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn aliases_are_trimmed_after_normalisation() {
    let g = Gazetteer::from_records(
        vec![json!({"id": "q", "name": "Lima", "kind": "place", "aliases": ["\u{200e} Lima\u{200f} "]})],
        GazetteerOptions::default(),
    )
    .unwrap();
    let m = g.find("Lima is big", MatchOptions::default()).unwrap();
    assert_eq!((m[0].span.char_start, m[0].span.char_end), (0, 4));
}

#[test]
fn integral_float_priorities_are_accepted_others_refused() {
    let g = Gazetteer::from_records(
        vec![
            json!({"id": "a", "name": "Tarn", "kind": "place", "priority": 1}),
            json!({"id": "b", "name": "Tarn", "kind": "place", "priority": 4.0}),
        ],
        GazetteerOptions::default(),
    )
    .unwrap();
    let m = g.find("Tarn", MatchOptions::default()).unwrap();
    assert_eq!(g.entity(m[0].entity as usize).id(), "b");
    let err = Gazetteer::from_records(
        vec![json!({"id": "a", "name": "Tarn", "kind": "place", "priority": 2.5})],
        GazetteerOptions::default(),
    )
    .unwrap_err();
    assert!(err
        .message()
        .contains("priority must be an integer, not 2.5"));
}

/// Leftmost-longest whole-word matching done the slow way, for ASCII text and aliases (as the
/// matcher sees them: lower case, single spaces): at each position where an alias may start
/// (a word's first character, or any non-word character), the longest alias that is there and
/// ends at a word boundary (when its last character is a word character); then on after it.
fn naive_spans(text: &str, aliases: &[String]) -> Vec<(usize, usize)> {
    let t = text.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric();
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < t.len() {
        let may = pos == 0 || !word(t[pos - 1]) || !word(t[pos]);
        let best = aliases
            .iter()
            .filter(|a| may && t[pos..].starts_with(a.as_bytes()))
            .filter(|a| {
                let end = pos + a.len();
                !word(*a.as_bytes().last().unwrap()) || end == t.len() || !word(t[end])
            })
            .map(|a| a.len())
            .max();
        match best {
            Some(n) => {
                out.push((pos, pos + n));
                pos += n;
            }
            None => pos += 1,
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The start filters (first bytes, first words) never hide a match: the matcher agrees with
    /// the slow search on texts and aliases drawn from a small alphabet (so that aliases share
    /// prefixes and first words, and start or end with punctuation and digits).
    #[test]
    fn start_filters_never_hide_a_match(
        aliases in proptest::collection::vec("[abz0.-]{1,3}( [ab.]{1,3})?", 1..40),
        text in "[abz0.\\- ]{0,80}",
    ) {
        let mut aliases: Vec<String> = aliases
            .into_iter()
            .filter(|a| a.trim() == a.as_str() && a.bytes().any(|b| b.is_ascii_alphanumeric()))
            .collect();
        aliases.sort();
        aliases.dedup();
        prop_assume!(!aliases.is_empty());
        let text = text.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
        let recs: Vec<serde_json::Value> = aliases
            .iter()
            .enumerate()
            .map(|(i, a)| json!({"id": format!("e{i}"), "name": a, "kind": "x", "case": "insensitive"}))
            .collect();
        let g = Gazetteer::from_records(
            recs,
            GazetteerOptions { auto_surnames: false, ..GazetteerOptions::default() },
        )
        .unwrap();
        let got: Vec<(usize, usize)> = g
            .find(&text, MatchOptions::default())
            .unwrap()
            .iter()
            .map(|m| (m.span.byte_start, m.span.byte_end))
            .collect();
        prop_assert_eq!(got, naive_spans(&text, &aliases), "text {:?} aliases {:?}", text, aliases);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// With every case policy (capitalised names, exact acronyms, tolerant multi-word names,
    /// case-insensitive ones) and text in mixed case, the filtered scan finds exactly what the
    /// scan from every word start finds.
    #[test]
    fn start_filters_agree_with_the_unfiltered_scan(
        aliases in proptest::collection::vec("[AaBbZz0.'-]{1,3}( [AaBb.]{1,3})?", 1..30),
        text in "[AaBbZz0.'\\- \u{e9}\u{2019}]{0,80}",
    ) {
        let recs: Vec<serde_json::Value> = aliases
            .iter()
            .enumerate()
            .filter(|(_, a)| a.trim() == a.as_str() && a.bytes().any(|b| b.is_ascii_alphanumeric()))
            .map(|(i, a)| json!({"id": format!("e{i}"), "name": a, "kind": "x"}))
            .collect();
        prop_assume!(!recs.is_empty());
        let g = Gazetteer::from_records(
            recs,
            GazetteerOptions { auto_surnames: false, ..GazetteerOptions::default() },
        )
        .unwrap();
        let spans = |unfiltered: bool| {
            super::matcher::UNFILTERED.with(|u| u.set(unfiltered));
            let out: Vec<(usize, usize, u32)> = g
                .find(&text, MatchOptions::default())
                .unwrap()
                .iter()
                .map(|m| (m.span.byte_start, m.span.byte_end, m.entity))
                .collect();
            super::matcher::UNFILTERED.with(|u| u.set(false));
            out
        };
        prop_assert_eq!(spans(false), spans(true), "text {:?} aliases {:?}", text, aliases);
    }
}

#[test]
fn a_town_written_with_its_state_is_two_mentions() {
    let g = gaz(vec![
        json!({"id": "Q90", "name": "Maple Falls", "kind": "place", "country": "US",
               "state_code": "VT", "feature": "city",
               "aliases": ["Maple Falls, Vt.", "Maple Falls, Vermont"]}),
        json!({"id": "Q91", "name": "Vermont", "kind": "place", "country": "US",
               "state_code": "VT", "feature": "admin1", "aliases": ["Vt."]}),
        json!({"id": "Q92", "name": "Kern, Ltd.", "kind": "org", "country": "US"}),
    ]);
    let f = found(
        &g,
        "MAPLE FALLS, Vt. — Snow; then Maple Falls, Vermont, and Kern, Ltd. again.",
    );
    let want = [
        ("MAPLE FALLS", "Q90", "name"),
        ("Vt.", "Q91", "alias"),
        ("Maple Falls", "Q90", "name"),
        ("Vermont", "Q91", "name"),
        ("Kern, Ltd.", "Q92", "name"),
    ];
    let got: Vec<(&str, &str, &str)> = f
        .iter()
        .map(|x| (x.0.as_str(), x.1.as_str(), x.2))
        .collect();
    assert_eq!(got, want);
    // Offsets stay Python character offsets after the split.
    let text = "Café in Maple Falls, Vt.";
    let m = g.find(text, MatchOptions::default()).unwrap();
    assert_eq!((m[0].span.char_start, m[0].span.char_end), (8, 19));
    assert_eq!((m[1].span.char_start, m[1].span.char_end), (21, 24));
}

#[test]
fn a_company_takes_its_suffix_and_a_capital_article() {
    let g = gaz(vec![
        json!({"id": "Q95", "name": "Orbital Freight", "kind": "org",
               "aliases": ["The Orbital Freight"]}),
        json!({"id": "Q96", "name": "Kestrel", "kind": "place"}),
        json!({"id": "Q97", "name": "Mint Bank", "kind": "org", "aliases": ["the Mint"]}),
    ]);
    let f = found(
        &g,
        "Orbital Freight Inc. and Orbital Freight Corp; Kestrel Co. stays; Orbital Freight Incas \
         no; the Mint too, and The Orbital Freight Ltd. said so.",
    );
    let got: Vec<&str> = f.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        got,
        [
            "Orbital Freight Inc.",
            "Orbital Freight Corp",
            "Kestrel",
            "Orbital Freight",
            "Mint",
            "The Orbital Freight Ltd.",
        ]
    );
}

#[test]
fn the_north_and_the_south_are_the_koreas_where_both_are_named() {
    let g = world();
    let text = "North Korea and South Korea met. The North's envoy left; the South waited. \
                In the North Atlantic, the North-South line, and the Northern fleet: nothing.";
    let f = found(&g, text);
    let got: Vec<(&str, &str)> = f.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
    assert_eq!(
        got,
        [
            ("North Korea", "Q423"),
            ("South Korea", "Q884"),
            ("North", "Q423"),
            ("South", "Q884")
        ]
    );
    // Only one Korea named: `the North` is left alone.
    assert_eq!(ids(&g, "North Korea fired. The North said so."), ["Q423"]);
    // Offsets after non-ASCII text.
    let text = "Séoul: North Korea, South Korea; the North.";
    let m = g.find(text, MatchOptions::default()).unwrap();
    let last = m.last().unwrap();
    assert_eq!((last.span.char_start, last.span.char_end), (37, 42));
}

#[test]
fn candidates_of_the_documents_country_come_first_even_when_several_fit() {
    let g = Gazetteer::from_records(
        vec![
            json!({"id": "lt", "name": "Lakeshore Trade Union", "kind": "org", "acronyms": ["LTU"], "country": "LT"}),
            json!({"id": "u1", "name": "Lomond Technical University", "kind": "org", "acronyms": ["LTU"], "country": "US"}),
            json!({"id": "u2", "name": "Linden Teachers University", "kind": "org", "acronyms": ["LTU"], "country": "US"}),
            json!({"id": "tx", "name": "Texas", "kind": "place", "country": "US"}),
        ],
        GazetteerOptions::default(),
    )
    .unwrap();
    let found = |t: &str| {
        let m = g.find(t, MatchOptions::default()).unwrap();
        let m = m.into_iter().find(|m| m.form == Form::Acronym).unwrap();
        let ids: Vec<&str> = m
            .candidates
            .iter()
            .map(|&c| g.entity(c as usize).id())
            .collect();
        (
            g.entity(m.entity as usize).id().to_string(),
            m.ambiguous,
            ids.join(","),
        )
    };
    // Nothing decides: the first candidate, ambiguous.
    assert_eq!(
        found("The LTU coach spoke."),
        ("lt".into(), true, "lt,u1,u2".into())
    );
    // Two fit the document's country: the first of them, still ambiguous.
    assert_eq!(
        found("In Texas, the LTU coach spoke."),
        ("u1".into(), true, "u1,u2,lt".into())
    );
}
