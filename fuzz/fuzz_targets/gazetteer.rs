//! Gazetteer building from arbitrary JSON records: an error or a gazetteer, never a panic; a
//! gazetteer that builds compiles and matches its own aliases' text without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;
use wirescan::gazetteer::{Gazetteer, GazetteerOptions, MatchOptions};

include!("common.rs");

fuzz_target!(|data: &[u8]| {
    let text = text_of(data);
    let records: Vec<serde_json::Value> = text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let Ok(g) = Gazetteer::from_records(records, GazetteerOptions::default()) else {
        return;
    };
    if g.compile().is_err() {
        return;
    }
    for opts in [MatchOptions { overlapping: false }, MatchOptions { overlapping: true }] {
        let found = g.find(&text, opts).expect("finding never fails on a str");
        for m in &found {
            check_span(&text, &m.span, "mention");
            assert!((m.entity as usize) < g.len());
        }
        check_sorted(found.iter().map(|m| &m.span), !opts.overlapping, "mentions");
    }
});
