//! The number parser: counts, magnitudes, non-counts, ranges and changes (units, currencies and
//! the other forms are in `tests_forms.rs`).

use super::*;

pub(super) fn nums(text: &str) -> Vec<(String, f64, &'static str)> {
    find_numbers(text, NumberOptions::default())
        .expect("numbers")
        .into_iter()
        .map(|n| {
            (
                text[n.span.byte_start..n.span.byte_end].to_string(),
                n.value,
                n.kind.as_str(),
            )
        })
        .collect()
}

#[test]
fn digits_words_and_magnitudes() {
    assert_eq!(
        nums("sent 1,500 soldiers"),
        vec![("1,500".into(), 1500.0, "cardinal")]
    );
    assert_eq!(
        nums("seven Russian ships"),
        vec![("seven".into(), 7.0, "cardinal")]
    );
    assert_eq!(
        nums("twenty-one thousand five hundred people"),
        vec![(
            "twenty-one thousand five hundred".into(),
            21500.0,
            "cardinal"
        )]
    );
    assert_eq!(
        nums("1.5 million"),
        vec![("1.5 million".into(), 1.5e6, "cardinal")]
    );
    assert_eq!(
        nums("$63.4bn deal"),
        vec![("$63.4bn".into(), 63.4e9, "money")]
    );
    assert_eq!(nums("a dozen"), vec![("a dozen".into(), 12.0, "cardinal")]);
    assert_eq!(
        nums("half a million"),
        vec![("half a million".into(), 5e5, "cardinal")]
    );
}

#[test]
fn non_counts_are_skipped() {
    for t in [
        "on Oct. 3",
        "since 2022",
        "the 2022 invasion",
        "2024-10-23",
        "10:53 am Oct 19, 2024",
        "the G7 and F-16 jets",
        "Resolution 2231",
        "No one came",
        "call +1 202-555-0143",
    ] {
        assert_eq!(nums(t), vec![], "{t}");
    }
    let all = find_numbers(
        "10:53 am Oct 19, 2024",
        NumberOptions {
            include_non_counts: true,
        },
    )
    .unwrap();
    let kinds: Vec<&str> = all.iter().map(|n| n.kind.as_str()).collect();
    assert_eq!(kinds, vec!["time", "date", "year"]);
}

#[test]
fn qualifier_object_and_range() {
    let text = "more than 13,000 containers' worth";
    let n = &find_numbers(text, NumberOptions::default()).unwrap()[0];
    let (q, qs) = n.approx.expect("qualifier");
    assert_eq!(
        (q, &text[qs.byte_start..qs.byte_end]),
        ("more than", "more than")
    );
    let (o, h) = n.object.expect("object");
    assert_eq!(&text[o.byte_start..o.byte_end], "containers");
    assert_eq!(&text[h.byte_start..h.byte_end], "containers");
    let text = "between 10,000 and 12,000 troops";
    let n = &find_numbers(text, NumberOptions::default()).unwrap()[0];
    assert_eq!(
        (n.kind, n.low, n.high),
        (NumKind::Range, Some(1e4), Some(1.2e4))
    );
    let (o, _) = n.object.expect("object");
    assert_eq!(&text[o.byte_start..o.byte_end], "troops");
}

#[test]
fn about_after_know_is_not_a_qualifier() {
    let n = &find_numbers("We know about 10,000 soldiers", NumberOptions::default()).unwrap()[0];
    assert_eq!(n.approx, None);
    let n = &find_numbers("It has about 10,000 soldiers", NumberOptions::default()).unwrap()[0];
    assert_eq!(n.approx.map(|a| a.0), Some("about"));
}

#[test]
fn hostile_input_is_linear_and_safe() {
    let digits = "9".repeat(1_000_000);
    assert_eq!(nums(&digits), vec![], "a number beyond f64 is skipped");
    assert_eq!(nums("1,2,3,4,5"), vec![], "malformed grouping is skipped");
    let many = "1, ".repeat(100_000);
    assert_eq!(nums(&many).len(), 100_000);
    assert_eq!(
        nums("١٢٣ and ４５ people"),
        vec![("４５".into(), 45.0, "cardinal")]
    );
}

mod props {
    use super::super::*;
    use proptest::prelude::*;

    fn check(text: &str) -> std::result::Result<(), TestCaseError> {
        for opts in [
            NumberOptions::default(),
            NumberOptions {
                include_non_counts: true,
            },
        ] {
            let nums = find_numbers(text, opts).expect("numbers");
            let mut prev = 0;
            for n in &nums {
                let s = n.span;
                prop_assert!(s.byte_start < s.byte_end && s.byte_end <= text.len());
                prop_assert!(
                    text.is_char_boundary(s.byte_start) && text.is_char_boundary(s.byte_end)
                );
                prop_assert!(
                    s.byte_start >= prev,
                    "numbers are in order and do not overlap"
                );
                prev = s.byte_end;
                if let Some((o, h)) = n.object {
                    prop_assert!(o.byte_start >= s.byte_end && h.byte_end <= o.byte_end);
                }
                prop_assert!(opts.include_non_counts || n.kind.is_count());
            }
        }
        Ok(())
    }

    fn cases() -> u32 {
        // PROPTEST_CASES raises the count for a longer local run; CI uses the default.
        std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(512)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(cases()))]

        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,80}") {
            check(&s)?;
        }

        #[test]
        fn number_soup_never_panics(s in "[0-9,.:%$£€ a-zA-Z\\-\u{2013}]{0,60}") {
            check(&s)?;
        }
    }
}

/// Found by the `numbers` fuzz target: a code whose digits form no number (`1,0ep5c`) has no
/// value (NaN), is returned only with `include_non_counts`, and never as a count.
#[test]
fn fuzz_regression_code_without_a_value() {
    let opts = NumberOptions {
        include_non_counts: true,
    };
    let text = "x 1,0ep5c y 1,0e5 z";
    let nums = find_numbers(text, opts).unwrap();
    assert_eq!(nums.len(), 2);
    assert!(nums
        .iter()
        .all(|n| n.kind == NumKind::Code && n.value.is_nan()));
    assert!(find_numbers(text, NumberOptions::default())
        .unwrap()
        .is_empty());
}

pub(super) fn full(text: &str) -> Vec<Number> {
    find_numbers(text, NumberOptions::default()).expect("numbers")
}

#[test]
fn vulgar_fractions_and_mixed_numbers() {
    assert_eq!(
        nums("it took 7¾ hours"),
        vec![("7¾ hours".into(), 7.75, "measure")]
    );
    assert_eq!(
        nums("a 1½ million budget"),
        vec![("1½ million".into(), 1.5e6, "cardinal")]
    );
    assert_eq!(nums("fees up ¾% now"), vec![("¾%".into(), 0.75, "percent")]);
    assert_eq!(
        nums("lost ⅓ of it"),
        vec![("⅓".into(), 1.0 / 3.0, "fraction")]
    );
}

#[test]
fn superscript_marks_are_not_digits() {
    assert_eq!(
        nums("with 2400³ pupils"),
        vec![("2400".into(), 2400.0, "cardinal")]
    );
    let n = &full("with 2400³ pupils")[0];
    let obj = n.object.expect("object");
    assert_eq!(
        &"with 2400³ pupils"[obj.0.byte_start..obj.0.byte_end],
        "pupils"
    );
}

#[test]
fn thousands_separated_by_spaces() {
    assert_eq!(
        nums("some 25 000 fans"),
        vec![("25 000".into(), 25000.0, "cardinal")]
    );
    assert_eq!(
        nums("about 4\u{202f}250\u{202f}000 voters"),
        vec![("4\u{202f}250\u{202f}000".into(), 4_250_000.0, "cardinal")]
    );
    // Not across a line break, not a four-digit group, not after a month.
    assert_eq!(nums("item 12\n500 more").len(), 2);
    assert_eq!(nums("bought 12 5000 times").len(), 2);
    assert_eq!(nums("on June 4 250 guests").len(), 1);
}

#[test]
fn money_range_with_the_currency_word_at_the_end() {
    let r = &full("worth between 20 and 25 billion dollars")[0];
    assert_eq!(
        (r.low, r.high, r.unit),
        (Some(20e9), Some(25e9), Some("USD"))
    );
    let r = &full("cost 6-8 million euros")[0];
    assert_eq!((r.low, r.high, r.unit), (Some(6e6), Some(8e6), Some("EUR")));
}

#[test]
fn chunk_cuts_never_split_a_date_or_a_range() {
    // A sentence end right after the 64 KB mark, where `Nov.` is an abbreviation.
    let pad = "y ".repeat(32_768);
    let text = format!("{pad}Voting ends Nov. 8 in Lima.");
    assert!(full(&text).is_empty(), "{:?}", full(&text));
    // A range across the 256 KB hard limit of a text without sentence ends.
    let pad = "z ".repeat(131_060);
    let text = format!("{pad}from 4,000 to 5,000 guests {pad}");
    let got = full(&text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].low, got[0].high), (Some(4000.0), Some(5000.0)));
}

#[test]
fn chunking_gives_what_one_pass_gives() {
    // The same sentences alone and after enough text to be cut into several chunks.
    let s = "Exports rose 4% to 2.7 million tonnes on Oct. 3, and 1,200 jobs went. ";
    let one: Vec<_> = full(s).into_iter().map(|n| (n.value, n.kind)).collect();
    let many = full(&s.repeat(4000));
    assert_eq!(many.len(), one.len() * 4000);
    for (k, n) in many.iter().enumerate() {
        assert_eq!((n.value, n.kind), one[k % one.len()]);
    }
}

#[test]
fn fractions_of_a_point_are_percentage_points() {
    let n = &full("rates fell by a quarter point")[0];
    assert_eq!(
        (n.kind, n.value, n.unit),
        (NumKind::Percent, 0.25, Some("percentage point"))
    );
    let n = &full("up half a percentage point")[0];
    assert_eq!(
        (n.kind, n.value, n.unit),
        (NumKind::Percent, 0.5, Some("percentage point"))
    );
    assert_eq!(
        nums("half a million people"),
        vec![("half a million".into(), 5e5, "cardinal")]
    );
}

#[test]
fn a_participle_after_a_vague_number_is_not_its_object() {
    assert!(full("hundreds displaced by the flood")[0].object.is_none());
    assert!(full("hundreds of families fled")[0].object.is_some());
}

fn changes(text: &str) -> Vec<(String, &'static str, Option<&'static str>)> {
    find_numbers(text, NumberOptions::default())
        .expect("numbers")
        .into_iter()
        .map(|n| {
            (
                text[n.span.byte_start..n.span.byte_end].to_string(),
                n.kind.as_str(),
                n.change.map(Change::as_str),
            )
        })
        .collect()
}

#[test]
fn a_change_and_its_new_level_are_two_numbers() {
    let s = |t: &str, k: &'static str, c: Option<&'static str>| (t.to_string(), k, c);
    assert_eq!(
        changes("Ticket sales jumped 12% to 3.4 million last season."),
        vec![
            s("12%", "percent", Some("up")),
            s("3.4 million", "cardinal", None)
        ]
    );
    assert_eq!(
        changes("The fund shrank by $8.2 billion to $96 billion."),
        vec![
            s("$8.2 billion", "money", Some("down")),
            s("$96 billion", "money", None)
        ]
    );
    // A year between the change and its new level joins neither.
    assert_eq!(
        changes("Exports grew 15% in 2021 to 640,000 tonnes."),
        vec![
            s("15%", "percent", Some("up")),
            s("640,000 tonnes", "measure", None)
        ]
    );
    assert_eq!(
        changes("The mill shed 350 jobs after a drop of 9% in orders."),
        vec![
            s("350", "cardinal", Some("down")),
            s("9%", "percent", Some("down"))
        ]
    );
    // `to` a level is no change; a real range keeps its ends.
    assert_eq!(
        changes("Turnout climbed to 64 percent, with 3,000 to 4,000 volunteers."),
        vec![
            s("64 percent", "percent", None),
            s("3,000 to 4,000", "range", None)
        ]
    );
}

#[test]
fn years_never_join_a_count_and_year_spans_are_not_counts() {
    assert!(changes("She chaired it between 1994 and 2003 and left.").is_empty());
    assert!(changes("Prices from 2008 to 2015 stayed flat.").is_empty());
    let all = find_numbers(
        "She chaired it between 1994 and 2003.",
        NumberOptions {
            include_non_counts: true,
        },
    )
    .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].kind, NumKind::Year);
    // Counts that happen to look like years stay counts when a plural noun follows.
    assert_eq!(
        changes("between 1200 and 1500 workers"),
        vec![("between 1200 and 1500".to_string(), "range", None)]
    );
    // A percentage never runs to a plain count.
    assert_eq!(
        changes("a 7% to 900 split"),
        vec![
            ("7%".to_string(), "percent", None),
            ("900".to_string(), "cardinal", None)
        ]
    );
}

#[test]
fn up_and_down_are_changes_only_as_adverbs() {
    let c = |t: &str| changes(t).into_iter().map(|x| x.2).collect::<Vec<_>>();
    assert_eq!(
        c("Oil was up 3% and gold closed down 40 cents."),
        [Some("up"), Some("down")]
    );
    assert_eq!(c("The index, down 12 points, recovered."), [Some("down")]);
    assert_eq!(c("They hope to pick up two seats."), [None]);
    assert_eq!(c("Women make up 52 percent of voters."), [None]);
}

#[test]
fn times_dates_phones_models_and_records_are_not_counts() {
    for text in [
        "at 11 a.m. sharp",
        "the 2029-30 budget",
        "on 30/06/2031",
        "on 6/30 they met",
        "due on the 12th",
        "dial 0207 946 0018",
        "an Xperia 9 Plus",
        "a .333 average",
        "a 529(c) plan",
        "the Group of 77",
    ] {
        assert!(nums(text).is_empty(), "{text}: {:?}", nums(text));
    }
    // Digits over digits before `of` are a fraction.
    assert_eq!(
        nums("2/3 of members"),
        vec![("2/3".into(), 2.0 / 3.0, "fraction")]
    );
}
