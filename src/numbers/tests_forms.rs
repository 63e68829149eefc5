//! The number parser: measures, currencies, signs, ordinals, vague amounts, ages, codes.

use super::tests::{full, nums};
use super::*;

fn unit_of(text: &str) -> Vec<(String, &'static str, f64, Option<&'static str>)> {
    full(text)
        .into_iter()
        .map(|n| {
            (
                text[n.span.byte_start..n.span.byte_end].to_string(),
                n.kind.as_str(),
                n.value,
                n.unit,
            )
        })
        .collect()
}

#[test]
fn measures_glued_hyphenated_and_spelled() {
    let m = |t: &str, v: f64, u: &'static str| (t.to_string(), "measure", v, Some(u));
    assert_eq!(unit_of("a 256GB drive"), [m("256GB", 256.0, "GB")]);
    assert_eq!(unit_of("a 1Gbps line"), [m("1Gbps", 1.0, "Gbit/s")]);
    assert_eq!(unit_of("at 55mph"), [m("55mph", 55.0, "mph")]);
    assert_eq!(unit_of("a 3kW pump"), [m("3kW", 3.0, "kW")]);
    assert_eq!(unit_of("a 0.8mm wire"), [m("0.8mm", 0.8, "mm")]);
    assert_eq!(unit_of("12.5 tonnes"), [m("12.5 tonnes", 12.5, "t")]);
    assert_eq!(unit_of("some 300 km north"), [m("300 km", 300.0, "km")]);
    assert_eq!(
        unit_of("40 square miles"),
        [m("40 square miles", 40.0, "mi²")]
    );
    assert_eq!(unit_of("2 litres"), [m("2 litres", 2.0, "l")]);
    assert_eq!(unit_of("a 90-minute match"), [m("90-minute", 90.0, "min")]);
    assert_eq!(
        unit_of("a 71-year-old pilot"),
        [m("71-year-old", 71.0, "year")]
    );
    assert_eq!(unit_of("for six weeks"), [m("six weeks", 6.0, "week")]);
    assert_eq!(
        unit_of("30 degrees Fahrenheit"),
        [m("30 degrees Fahrenheit", 30.0, "°F")]
    );
    // `over` before a duration is a preposition; `of` after a measure names what it measures.
    let n = &full("spread over 12 years")[0];
    assert_eq!((n.kind, n.approx.map(|a| a.0)), (NumKind::Measure, None));
    let t = "9 tonnes of maize";
    let n = &full(t)[0];
    assert_eq!(
        n.object.map(|o| &t[o.0.byte_start..o.0.byte_end]),
        Some("maize")
    );
    // `5G` stays a code, `£85m` money.
    assert!(full("5G masts").is_empty());
    assert_eq!(unit_of("£85m")[0].1, "money");
}

#[test]
fn currencies_in_every_position() {
    let money = |t: &str| {
        unit_of(t)
            .into_iter()
            .map(|x| (x.0, x.2, x.3))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        money("a 60 cents fee"),
        [("60 cents".to_string(), 0.6, Some("USD"))]
    );
    assert_eq!(
        money("EUR 48 each"),
        [("EUR 48".to_string(), 48.0, Some("EUR"))]
    );
    assert_eq!(money("only 9€"), [("9€".to_string(), 9.0, Some("EUR"))]);
    assert_eq!(
        money("USD310 a night"),
        [("USD310".to_string(), 310.0, Some("USD"))]
    );
    assert_eq!(
        money("Rs 3 lakh"),
        [("Rs 3 lakh".to_string(), 300000.0, Some("INR"))]
    );
    assert_eq!(
        money("₹2.1 lakh crore"),
        [("₹2.1 lakh crore".to_string(), 2.1e12, Some("INR"))]
    );
    assert_eq!(
        money("$7 and 15 cents"),
        [("$7 and 15 cents".to_string(), 7.15, Some("USD"))]
    );
}

#[test]
fn signs_written_negative() {
    let v = |t: &str| full(t).iter().map(|n| n.value).collect::<Vec<_>>();
    assert_eq!(v("it fell to -4 overnight"), [-4.0]);
    assert_eq!(v("a \u{2212}2.5% return"), [-2.5]);
    assert_eq!(v("minus 3,400,000"), [-3_400_000.0]);
    assert_eq!(v("minus 8 degrees Celsius"), [-8.0]);
    // A change down stays positive; a dash between numbers is a range.
    assert_eq!(v("down 1.5%"), [1.5]);
    assert_eq!(full("10-12 billion")[0].kind, NumKind::Range);
}

#[test]
fn ordinals_and_spoken_forms() {
    assert_eq!(
        nums("the forty-third president"),
        [("forty-third".into(), 43.0, "ordinal")]
    );
    assert_eq!(
        nums("her seventieth birthday"),
        [("seventieth".into(), 70.0, "ordinal")]
    );
    assert_eq!(
        nums("3 hundred people"),
        [("3 hundred".into(), 300.0, "cardinal")]
    );
    assert_eq!(
        nums("a couple thousand fans"),
        [("a couple thousand".into(), 2000.0, "cardinal")]
    );
    assert_eq!(
        nums("three dozen eggs"),
        [("three dozen".into(), 36.0, "cardinal")]
    );
    assert_eq!(
        nums("a nine-million-strong army"),
        [("nine-million".into(), 9e6, "cardinal")]
    );
    assert_eq!(
        nums("two-in-three adults"),
        [("two-in-three".into(), 2.0 / 3.0, "fraction")]
    );
    assert_eq!(
        nums("three or four rooms"),
        [("three or four".into(), 3.0, "range")]
    );
    assert_eq!(nums("one or 60 votes").len(), 1); // not a range of close values
    assert!(nums("the first lady of the theatre").is_empty());
}

#[test]
fn vague_amounts_carry_bounds() {
    let b = |t: &str| {
        let n = &full(t)[0];
        (n.vague, n.value, n.low, n.high, n.approx.is_some())
    };
    assert_eq!(
        b("Dozens of boats"),
        (true, 24.0, Some(24.0), Some(99.0), false)
    );
    assert_eq!(
        b("hundreds of homes"),
        (true, 200.0, Some(200.0), Some(999.0), false)
    );
    assert_eq!(
        b("Tens of thousands of fans"),
        (true, 20_000.0, Some(20_000.0), Some(99_999.0), false)
    );
    assert_eq!(
        b("hundreds of thousands of jobs"),
        (true, 200_000.0, Some(200_000.0), Some(999_999.0), false)
    );
    assert_eq!(
        b("millions of users"),
        (true, 2e6, Some(2e6), Some(1e7 - 1.0), false)
    );
}

#[test]
fn tallies_decades_ids_and_named_numbers_are_not_counts() {
    for text in [
        "the bill passed 61 to 38",
        "a 6-to-3 ruling",
        "they won the final 31-24",
        "back in the 1970s and the \u{2018}80s",
        "people in their 40s",
        "post id=\"8271993318274\"",
        "tune to channel 42",
        "it took 911 calls",
        "on June 9-10 the talks resume",
    ] {
        assert!(nums(text).is_empty(), "{text}: {:?}", nums(text));
    }
    // A range of counts stays one: `10-12 billion`, `ages 18-29`.
    assert_eq!(nums("ages 18-29")[0].2, "range");
}

#[test]
fn ages_halves_and_margins() {
    let m = |t: &str| unit_of(t)[0].clone();
    assert_eq!(
        m("died at the age of 88, at home"),
        ("88".into(), "measure", 88.0, Some("year"))
    );
    assert_eq!(
        m("Mara Voss, 34, said so"),
        ("34".into(), "measure", 34.0, Some("year"))
    );
    assert_eq!(m("aged 19"), ("19".into(), "measure", 19.0, Some("year")));
    assert_eq!(
        m("nearly a year and a half later"),
        ("a year and a half".into(), "measure", 1.5, Some("year"))
    );
    assert_eq!(
        m("three and a half weeks"),
        (
            "three and a half weeks".into(),
            "measure",
            3.5,
            Some("week")
        )
    );
    assert_eq!(
        m("over a decade"),
        ("a decade".into(), "measure", 1.0, Some("decade"))
    );
    assert_eq!(
        m("a seven-percentage-point lead"),
        (
            "seven-percentage-point".into(),
            "percent",
            7.0,
            Some("percentage point")
        )
    );
    assert_eq!(
        m("it cost 40 bucks"),
        ("40 bucks".into(), "money", 40.0, Some("USD"))
    );
    let v = &full("thousands of euros")[0];
    assert_eq!(
        (v.kind, v.unit, v.vague),
        (NumKind::Money, Some("EUR"), true)
    );
    // A plain count between commas is not an age.
    assert_eq!(unit_of("In Ohio, 300, in Utah, 200")[0].1, "cardinal");
}

#[test]
fn one_as_a_pronoun_and_first_as_an_adverb() {
    assert!(nums("including one called Atlas").is_empty());
    assert!(nums("a separate one was filed").is_empty());
    assert_eq!(
        nums("\"one or two cases\" slipped"),
        [("one or two".into(), 1.0, "range")]
    );
    assert!(nums("the pair first met in Oslo").is_empty());
    assert!(nums("a first-person account").is_empty());
    assert_eq!(
        nums("the first reported case"),
        [("first".into(), 1.0, "ordinal")]
    );
}

#[test]
fn partitives_of_numbers_and_compounds_ending_in_one() {
    assert_eq!(
        nums("she was one of 12 finalists"),
        [
            ("one".into(), 1.0, "cardinal"),
            ("12".into(), 12.0, "cardinal")
        ]
    );
    assert_eq!(nums("one of hundreds of fans")[0].0, "one");
    assert!(nums("an all-in-one printer").is_empty());
}

#[test]
fn a_glued_m_is_a_million_only_before_a_plural_and_such_is_no_object() {
    assert_eq!(nums("4M subscribers"), [("4M".into(), 4e6, "cardinal")]);
    assert!(nums("3M said on Friday").is_empty());
    assert_eq!(nums("£12m"), [("£12m".into(), 12e6, "money")]);
    let t = "the second such vote";
    let n = &full(t)[0];
    let obj = n.object.map(|o| &t[o.0.byte_start..o.0.byte_end]);
    assert_eq!((n.kind, obj), (NumKind::Ordinal, Some("vote")));
}

fn with_unit(text: &str) -> Vec<(String, &'static str, Option<&'static str>)> {
    full(text)
        .into_iter()
        .map(|n| {
            (
                text[n.span.byte_start..n.span.byte_end].to_string(),
                n.kind.as_str(),
                n.unit,
            )
        })
        .collect()
}

#[test]
fn labels_citations_and_titles_are_codes() {
    for t in [
        "in part 4 of the series",
        "the No. 2 official quit",
        "a gig at Smalls/88 Club",
        "she loves The 13-Going-On-30 soundtrack",
        "he read Romans 8:28 and Psalm 23:1-6",
        "he cited 2 Kings 5:14 again",
        "a 2:1 ratio",
    ] {
        assert_eq!(nums(t), vec![], "{t}");
    }
    // A time still has two digits after the colon; a ratio does not.
    let all = find_numbers(
        "at 6:05 a.m. a 3:1 vote",
        NumberOptions {
            include_non_counts: true,
        },
    )
    .unwrap();
    let kinds: Vec<&str> = all.iter().map(|n| n.kind.as_str()).collect();
    assert_eq!(kinds, vec!["time", "code"]);
    // The count after a label is still a count.
    assert_eq!(nums("part 2 of 5 essays"), [("5".into(), 5.0, "cardinal")]);
}

#[test]
fn pounds_are_a_weight_after_weigh_or_before_of() {
    assert_eq!(
        with_unit("the parcel weighed 12 pounds"),
        [("12 pounds".into(), "measure", Some("lb"))]
    );
    assert_eq!(
        with_unit("seized 30 pounds of heroin"),
        [("30 pounds".into(), "measure", Some("lb"))]
    );
    assert_eq!(
        with_unit("a 250-pound lineman"),
        [("250-pound".into(), "measure", Some("lb"))]
    );
    assert_eq!(
        with_unit("paid 30 pounds a night"),
        [("30 pounds".into(), "money", Some("GBP"))]
    );
    assert_eq!(
        with_unit("3 billion pounds of spending"),
        [("3 billion pounds".into(), "money", Some("GBP"))]
    );
    assert_eq!(
        with_unit("it weighed £40"),
        [("£40".into(), "money", Some("GBP"))]
    );
}

#[test]
fn more_units_of_news() {
    assert_eq!(
        with_unit("cut by 50 basis points"),
        [("50 basis points".into(), "percent", Some("basis point"))]
    );
    assert_eq!(
        with_unit("a magnitude 5.8 tremor"),
        [("5.8".into(), "measure", Some("magnitude"))]
    );
    assert_eq!(
        with_unit("a filing of 212 pages"),
        [("212 pages".into(), "measure", Some("page"))]
    );
    assert_eq!(
        with_unit("a 900 megawatt plant"),
        [("900 megawatt".into(), "measure", Some("MW"))]
    );
    assert_eq!(
        with_unit("used 40 kilowatt hours"),
        [("40 kilowatt hours".into(), "measure", Some("kWh"))]
    );
    assert_eq!(
        with_unit("doing 95 miles per hour"),
        [("95 miles per hour".into(), "measure", Some("mph"))]
    );
    assert_eq!(
        with_unit("needs a 67-vote supermajority"),
        [("67-vote".into(), "measure", Some("vote"))]
    );
}

#[test]
fn ages_after_then_and_age_ranges() {
    assert_eq!(
        with_unit("Ms. Olsen, then 29, moved"),
        [("29".into(), "measure", Some("year"))]
    );
    assert_eq!(
        with_unit("older than Mr. Pike, then 61."),
        [("61".into(), "measure", Some("year"))]
    );
    assert_eq!(
        with_unit("Ola Berg, 19, will testify"),
        [("19".into(), "measure", Some("year"))]
    );
    assert_eq!(
        with_unit("pupils ages 6 to 11"),
        [("6 to 11".into(), "range", Some("year"))]
    );
    // No age without a name before the comma.
    assert_eq!(
        with_unit("and then 40, maybe 50"),
        [
            ("40".into(), "cardinal", None),
            ("50".into(), "cardinal", None)
        ]
    );
}

#[test]
fn a_result_gives_its_unit_to_both_numbers() {
    assert_eq!(
        with_unit("she won 61 to 35 percent"),
        [
            ("61".into(), "percent", Some("percent")),
            ("35 percent".into(), "percent", Some("percent"))
        ]
    );
    assert_eq!(
        with_unit("led 49-44%"),
        [
            ("49".into(), "percent", Some("percent")),
            ("44%".into(), "percent", Some("percent"))
        ]
    );
    // A rising range stays one range.
    assert_eq!(
        with_unit("from 8 to 11 percent"),
        [("from 8 to 11 percent".into(), "range", Some("percent"))]
    );
}
