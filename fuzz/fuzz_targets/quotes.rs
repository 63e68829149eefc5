//! The whole pipeline (entities, numbers, sentences, quotes, sources) on arbitrary text.
#![no_main]
use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use wirescan::gazetteer::{Gazetteer, GazetteerOptions};
use wirescan::pipeline::{ExtractOptions, Extractor};

include!("common.rs");

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(|| {
        let recs = [
            r#"{"id": "s", "name": "Jane Smith", "kind": "person", "role": "minister"}"#,
            r#"{"id": "n", "name": "National Intelligence Service", "kind": "org", "aliases": ["NIS"], "type": "intelligence agency"}"#,
            r#"{"id": "k", "name": "South Korea", "kind": "place", "demonyms": ["South Korean"], "country": "KR"}"#,
        ];
        let recs: Vec<serde_json::Value> =
            recs.iter().map(|r| serde_json::from_str(r).unwrap()).collect();
        let g = Gazetteer::from_records(recs, GazetteerOptions::default()).unwrap();
        Extractor::new(Arc::new(g), ExtractOptions::default())
    })
}

fuzz_target!(|data: &[u8]| {
    let text = text_of(data);
    let x = extractor();
    let doc = x.extract(&text).unwrap();
    let sentences = wirescan::text::sentences::split(&text);
    for s in &sentences {
        check_span(&text, s, "sentence");
    }
    check_sorted(sentences.iter(), true, "sentences");
    for q in &doc.quotes {
        check_span(&text, &q.span, "quote");
        assert!(q.span.byte_start < q.span.byte_end, "empty quote");
        for p in &q.paragraphs {
            check_span(&text, p, "quote paragraph");
            assert!(q.span.byte_start <= p.byte_start && p.byte_end <= q.span.byte_end);
        }
        if let Some(sp) = &q.speaker {
            check_span(&text, &sp.span, "speaker");
            if let Some(a) = &sp.antecedent {
                check_span(&text, a, "antecedent");
            }
        }
        if let Some(v) = &q.verb {
            check_span(&text, v, "verb");
        }
    }
    check_sorted(doc.quotes.iter().map(|q| &q.span), true, "quotes");
    assert_eq!(doc.number_sources.len(), doc.numbers.len());
    for s in doc.number_sources.iter().flatten() {
        check_span(&text, &s.speaker.span, "source");
        if let Some(i) = s.quote {
            assert!(i < doc.quotes.len());
        }
    }
    // Compared as printed: a code with no numeric value has NaN, which is not == itself.
    let again = x.extract(&text).unwrap();
    assert_eq!(format!("{doc:?}"), format!("{again:?}"), "deterministic");
});
