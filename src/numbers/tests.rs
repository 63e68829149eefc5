use super::*;

fn nums(text: &str) -> Vec<(String, f64, &'static str)> {
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
