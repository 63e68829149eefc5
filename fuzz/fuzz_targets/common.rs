// Invariants shared by the fuzz targets (included with `include!`).

use wirescan::text::normalize::OrigSpan;

/// The text a fuzz input stands for: its bytes read as UTF-8, invalid sequences replaced.
fn text_of(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Characters before each byte offset (for boundaries; other entries are unused).
#[allow(dead_code)]
fn char_index(text: &str) -> Vec<usize> {
    let mut idx = vec![0; text.len() + 1];
    let mut n = 0;
    for (b, _) in text.char_indices() {
        idx[b] = n;
        n += 1;
    }
    idx[text.len()] = n;
    idx
}

/// A span is inside the text, on character boundaries, and its character offsets are right
/// (`idx` from [`char_index`]).
#[allow(dead_code)]
fn check_span_idx(text: &str, idx: &[usize], s: &OrigSpan, what: &str) {
    assert!(
        s.byte_start <= s.byte_end && s.byte_end <= text.len(),
        "{what}: span {s:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(s.byte_start) && text.is_char_boundary(s.byte_end),
        "{what}: span {s:?} not on character boundaries"
    );
    assert_eq!(idx[s.byte_start], s.char_start, "{what}: char_start");
    assert_eq!(idx[s.byte_end], s.char_end, "{what}: char_end");
}

/// A span is inside the text, on character boundaries, and its character offsets are right.
#[allow(dead_code)]
fn check_span(text: &str, s: &OrigSpan, what: &str) {
    assert!(
        s.byte_start <= s.byte_end && s.byte_end <= text.len(),
        "{what}: span {s:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(s.byte_start) && text.is_char_boundary(s.byte_end),
        "{what}: span {s:?} not on character boundaries"
    );
    assert_eq!(text[..s.byte_start].chars().count(), s.char_start, "{what}: char_start");
    assert_eq!(text[..s.byte_end].chars().count(), s.char_end, "{what}: char_end");
}

/// Spans are sorted by start, and (when `disjoint`) do not overlap.
#[allow(dead_code)]
fn check_sorted<'a>(spans: impl Iterator<Item = &'a OrigSpan>, disjoint: bool, what: &str) {
    let mut prev: Option<&OrigSpan> = None;
    for s in spans {
        if let Some(p) = prev {
            assert!(p.byte_start <= s.byte_start, "{what}: not sorted: {p:?} then {s:?}");
            if disjoint {
                assert!(p.byte_end <= s.byte_start, "{what}: overlap: {p:?} and {s:?}");
            }
        }
        prev = Some(s);
    }
}
