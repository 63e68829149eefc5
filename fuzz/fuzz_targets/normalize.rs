//! Normalisation and its offset map: every normalised span maps back inside the original text,
//! on character boundaries, monotonically.
#![no_main]
use libfuzzer_sys::fuzz_target;
use wirescan::text::{NormOptions, NormText};

include!("common.rs");

fuzz_target!(|data: &[u8]| {
    let text = text_of(data);
    let idx = char_index(&text);
    for (fold_case, strip_diacritics) in [(true, true), (true, false), (false, false)] {
        let opts = NormOptions { fold_case, strip_diacritics };
        let norm = NormText::new(&text, opts).expect("any str normalises");
        let n = norm.as_str();
        let again = NormText::new(&text, opts).unwrap();
        assert_eq!(n, again.as_str(), "deterministic");
        let mut prev_end = 0;
        let bounds: Vec<usize> = (0..=n.len()).filter(|&i| n.is_char_boundary(i)).collect();
        for w in bounds.windows(2) {
            let s = norm.to_original(w[0], w[1]);
            check_span_idx(&text, &idx, &s, "to_original");
            assert!(s.byte_start <= s.byte_end);
            assert!(s.byte_end >= prev_end || s.byte_start < prev_end, "monotone ends");
            prev_end = s.byte_end;
        }
        let whole = norm.to_original(0, n.len());
        check_span_idx(&text, &idx, &whole, "whole");
    }
});
