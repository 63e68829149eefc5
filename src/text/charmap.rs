//! Byte offsets to character offsets, for spans found in a `&str` and returned to callers that
//! index by character (Python).

/// Byte offsets to character offsets: a character count every 256 bytes, then a short count.
pub struct CharMap<'t> {
    text: &'t str,
    /// Characters before byte `256 * k`.
    marks: Vec<usize>,
}

const CHAR_STEP: usize = 256;

impl<'t> CharMap<'t> {
    pub fn new(text: &'t str) -> CharMap<'t> {
        if text.is_ascii() {
            return CharMap {
                text,
                marks: Vec::new(),
            };
        }
        let b = text.as_bytes();
        let mut marks = Vec::with_capacity(b.len() / CHAR_STEP + 1);
        let mut count = 0;
        for chunk in b.chunks(CHAR_STEP) {
            marks.push(count);
            // Characters start at every byte that is not a continuation byte.
            count += chunk.iter().filter(|&&x| (x as i8) >= -0x40).count();
        }
        marks.push(count);
        CharMap { text, marks }
    }

    pub fn get(&self, b: usize) -> usize {
        if self.marks.is_empty() {
            return b;
        }
        let k = b / CHAR_STEP;
        let base = k * CHAR_STEP;
        self.marks[k]
            + self.text.as_bytes()[base..b]
                .iter()
                .filter(|&&x| (x as i8) >= -0x40)
                .count()
    }
}
