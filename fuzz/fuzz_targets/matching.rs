//! Matching arbitrary text against a fixed gazetteer with every case policy and form.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use wirescan::gazetteer::{Gazetteer, GazetteerOptions, MatchOptions};

include!("common.rs");

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let recs = [
            r#"{"id": "a", "name": "Lloyd Austin", "kind": "person", "aliases": ["Lloyd J. Austin"]}"#,
            r#"{"id": "b", "name": "Austin", "kind": "place"}"#,
            r#"{"id": "c", "name": "North Korea", "kind": "place", "aliases": ["DPRK"], "demonyms": ["North Korean"]}"#,
            r#"{"id": "d", "name": "Straße", "kind": "place", "aliases": ["İstanbul", "ǅemal", "ﬁne"]}"#,
            r#"{"id": "e", "name": "US", "kind": "place", "aliases": [{"text": "us", "case": "insensitive"}]}"#,
            r#"{"id": "f", "name": "São Paulo", "kind": "place", "aliases": ["Sao"]}"#,
            r#"{"id": "g", "name": "Nice", "kind": "place"}"#,
            r#"{"id": "h", "name": "Nice Group", "kind": "org", "aliases": ["NIS"]}"#,
            r#"{"id": "i", "name": "Niš", "kind": "place", "aliases": ["NIS"]}"#,
            r#"{"id": "j", "name": "Lim Eul-chul", "kind": "person"}"#,
        ];
        let recs: Vec<serde_json::Value> =
            recs.iter().map(|r| serde_json::from_str(r).unwrap()).collect();
        let g = Gazetteer::from_records(recs, GazetteerOptions::default()).unwrap();
        g.compile().unwrap();
        g
    })
}

fuzz_target!(|data: &[u8]| {
    let text = text_of(data);
    let g = gazetteer();
    for opts in [MatchOptions { overlapping: false }, MatchOptions { overlapping: true }] {
        let found = g.find(&text, opts).unwrap();
        for m in &found {
            check_span(&text, &m.span, "mention");
            assert!(m.span.byte_start < m.span.byte_end, "empty mention");
        }
        check_sorted(found.iter().map(|m| &m.span), !opts.overlapping, "mentions");
        assert_eq!(found, g.find(&text, opts).unwrap(), "deterministic");
    }
});
