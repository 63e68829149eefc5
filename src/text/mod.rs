//! Text handling: normalisation with an offset map back to the original text.

mod casefold_table;
mod charmap;
pub mod normalize;
mod paragraphs;
pub mod sentences;
pub(crate) mod swar;
mod words;

pub use charmap::CharMap;
pub use normalize::{is_word_char, NormOptions, NormText};
pub use paragraphs::paragraphs;
pub use words::{is_determiner, is_month_name, is_month_word, is_weekday};

/// FNV-1a: a fast hash for the short words of the word lists (numbers' triggers, the
/// reporting-verb lexicon), looked up once per word of a text, where SipHash costs more than
/// the lookup.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}
