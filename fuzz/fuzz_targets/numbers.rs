//! Numbers from arbitrary text: spans valid, sorted, disjoint; counts never NaN; deterministic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use wirescan::numbers::{find_numbers, NumKind, NumberOptions};

include!("common.rs");

fuzz_target!(|data: &[u8]| {
    let text = text_of(data);
    for include_non_counts in [false, true] {
        let opts = NumberOptions { include_non_counts };
        let nums = find_numbers(&text, opts).unwrap();
        for n in &nums {
            check_span(&text, &n.span, "number");
            // Only a non-count whose digits form no number (a code like `1,0e5`) has no value.
            let non_count = matches!(n.kind, NumKind::Code | NumKind::Date | NumKind::Year | NumKind::Time);
            assert!(
                !n.value.is_nan() || non_count,
                "NaN value for {:?}",
                &text[n.span.byte_start..n.span.byte_end]
            );
            if let Some((_, s)) = &n.approx {
                check_span(&text, s, "approx");
            }
            if let Some((o, h)) = &n.object {
                check_span(&text, o, "object");
                check_span(&text, h, "head");
                assert!(o.byte_start <= h.byte_start && h.byte_end <= o.byte_end, "head in object");
            }
        }
        check_sorted(nums.iter().map(|n| &n.span), true, "numbers");
        // Compared as printed: a code with no numeric value has NaN, which is not == itself.
        let again = find_numbers(&text, opts).unwrap();
        assert_eq!(format!("{nums:?}"), format!("{again:?}"), "deterministic");
    }
});
