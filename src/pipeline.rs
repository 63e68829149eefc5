//! One document, and batches of documents on a rayon pool.

use std::sync::Arc;
use std::time::Duration;

use crate::error::Result;
use crate::gazetteer::{Gazetteer, MatchOptions, Mention};
use crate::numbers::{find_numbers_with, Number, NumberOptions, NUMBER_NORM};
use crate::quotes::{Quote, Source};
use crate::runtime::run_watched;
use crate::text::NormText;

/// What an extractor does, beyond its gazetteer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExtractOptions {
    /// Entity matching options.
    pub matching: MatchOptions,
    /// Number extraction, or `None` to skip it.
    pub numbers: Option<NumberOptions>,
    /// Quotes, speakers and number sources.
    pub quotes: bool,
    /// People the gazetteer does not know (see [`crate::people`]).
    pub people: bool,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            matching: MatchOptions::default(),
            numbers: Some(NumberOptions::default()),
            quotes: true,
            people: true,
        }
    }
}

/// The result of extracting one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// Entity mentions, in text order.
    pub entities: Vec<Mention>,
    /// Numbers, in text order, each with its source.
    pub numbers: Vec<AttributedNumber>,
    /// Direct quotes, in text order.
    pub quotes: Vec<Quote>,
}

/// A number of a document and who it is attributed to.
#[derive(Clone, Debug, PartialEq)]
pub struct AttributedNumber {
    /// The number.
    pub number: Number,
    /// Its source, when it sits in a quote or reported speech (boxed: most numbers have none,
    /// and a `None` then costs 8 bytes, not a whole `Source`).
    pub source: Option<Box<Source>>,
}

/// Which stages an output needs (entities are always found: quotes resolve speakers to them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Needs {
    /// Numbers are needed.
    pub numbers: bool,
    /// Quotes are needed (for quote rows, or for the sources of numbers).
    pub quotes: bool,
}

/// Extracts structured facts from texts with one gazetteer.
#[derive(Clone, Debug)]
pub struct Extractor {
    gazetteer: Arc<Gazetteer>,
    options: ExtractOptions,
}

impl Extractor {
    /// An extractor over `gazetteer`.
    pub fn new(gazetteer: Arc<Gazetteer>, options: ExtractOptions) -> Extractor {
        Extractor { gazetteer, options }
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &Arc<Gazetteer> {
        &self.gazetteer
    }

    /// This extractor with the stages that `needs` do not ask for turned off (none is turned
    /// on): what a table of entities, numbers or quotes needs, and no more.
    pub fn for_outputs(&self, needs: Needs) -> Extractor {
        let mut options = self.options;
        if !needs.numbers {
            options.numbers = None;
        }
        options.quotes &= needs.quotes;
        Extractor {
            gazetteer: self.gazetteer.clone(),
            options,
        }
    }

    /// The options.
    pub fn options(&self) -> ExtractOptions {
        self.options
    }

    /// The entity mentions of one text only (what `extract` finds, without numbers or quotes).
    pub fn spans(&self, text: &str) -> Result<Vec<Mention>> {
        self.gazetteer.find(text, self.options.matching)
    }

    /// Extracts one text.
    pub fn extract(&self, text: &str) -> Result<Document> {
        let mut numbers: Vec<AttributedNumber> = Vec::new();
        let mut add = |number| {
            numbers.push(AttributedNumber {
                number,
                source: None,
            })
        };
        // One normalisation serves entities and numbers when their options agree.
        let entities = if self.gazetteer.options().norm() == NUMBER_NORM {
            let norm = NormText::new(text, NUMBER_NORM)?;
            let entities = self.gazetteer.find_in(text, &norm, self.options.matching)?;
            if let Some(o) = self.options.numbers {
                find_numbers_with(text, &norm, o, &mut add);
            }
            entities
        } else {
            let entities = self.gazetteer.find(text, self.options.matching)?;
            if let Some(o) = self.options.numbers {
                let norm = NormText::new(text, NUMBER_NORM)?;
                find_numbers_with(text, &norm, o, &mut add);
            }
            entities
        };
        numbers.shrink_to_fit();
        let entities = if self.options.people {
            crate::people::find(text, entities, &self.gazetteer)
        } else {
            entities
        };
        let quotes = if self.options.quotes {
            let spans: Vec<(usize, usize)> = numbers
                .iter()
                .map(|n| (n.number.span.byte_start, n.number.span.byte_end))
                .collect();
            let (quotes, sources) =
                crate::quotes::analyse(text, &entities, &self.gazetteer, &spans);
            for (n, s) in numbers.iter_mut().zip(sources) {
                n.source = s;
            }
            quotes
        } else {
            Vec::new()
        };
        Ok(Document {
            entities,
            numbers,
            quotes,
        })
    }

    /// Extracts many texts on `n_threads` threads (0: the default, see
    /// [`crate::runtime::default_threads`]): the calling thread and `n_threads - 1` pool threads,
    /// as [`Extractor::extract_batch_watched`] without ticks. The result has one entry per text, in order; one text's failure does not
    /// stop the others.
    pub fn extract_batch<S: AsRef<str> + Sync>(
        &self,
        texts: &[S],
        n_threads: usize,
    ) -> Result<Vec<Result<Document>>> {
        self.extract_batch_watched(texts, n_threads, Duration::MAX, |_| true)
    }

    /// Extracts many texts with the calling thread taking part and checking in between its
    /// texts, every `every` at most, with the number done so far; when `tick` returns `false`
    /// the batch stops with an error of kind [`ErrorKind::Cancelled`](crate::ErrorKind) (see
    /// [`run_watched`], which does the scheduling).
    pub fn extract_batch_watched<S: AsRef<str> + Sync>(
        &self,
        texts: &[S],
        n_threads: usize,
        every: Duration,
        tick: impl FnMut(usize) -> bool,
    ) -> Result<Vec<Result<Document>>> {
        self.gazetteer.compile()?;
        run_watched(texts.len(), n_threads, every, tick, |i| {
            self.extract(texts[i].as_ref())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::gazetteer::GazetteerOptions;
    use serde_json::json;

    fn extractor() -> Extractor {
        let g = Gazetteer::from_records(
            vec![
                json!({"id": "Q8684", "name": "Seoul", "kind": "place"}),
                json!({"id": "Q423", "name": "North Korea", "kind": "place", "aliases": ["DPRK"]}),
            ],
            GazetteerOptions::default(),
        )
        .unwrap();
        Extractor::new(Arc::new(g), ExtractOptions::default())
    }

    fn texts(n: usize) -> Vec<String> {
        (0..n)
            .map(|i| {
                format!("Doc {i}: Seoul said the DPRK sent {i} \"shells,\" he said. ").repeat(20)
            })
            .collect()
    }

    #[test]
    fn watched_batch_equals_plain_batch_and_counts_up() {
        let x = extractor();
        let t = texts(3000);
        let plain = x.extract_batch(&t, 2).unwrap();
        assert_eq!(plain.len(), 3000);
        assert!(plain
            .iter()
            .all(|d| d.as_ref().unwrap().entities.len() == 40));
        for n in [1, 2, 3] {
            let mut seen = Vec::new();
            let watched = x
                .extract_batch_watched(&t, n, Duration::ZERO, |done| {
                    seen.push(done);
                    true
                })
                .unwrap();
            assert_eq!(plain, watched, "{n} threads");
            // The caller reports after every text it does (`every` is zero here); progress
            // never goes backwards and never passes the number of texts.
            assert!(!seen.is_empty());
            assert!(seen.windows(2).all(|w| w[0] <= w[1]));
            assert!(seen.iter().all(|&d| d <= 3000));
            if n == 1 {
                assert_eq!(seen, (1..=3000).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn tick_returning_false_cancels_the_rest() {
        let x = extractor();
        let t = texts(20_000);
        for n in [1, 2] {
            let mut ticks = 0;
            let r = x.extract_batch_watched(&t, n, Duration::ZERO, |_| {
                ticks += 1;
                false
            });
            assert_eq!(r.unwrap_err().kind(), ErrorKind::Cancelled);
            assert_eq!(ticks, 1, "no tick after the batch was cancelled");
        }
        // The pool is usable afterwards.
        assert_eq!(
            x.extract_batch_watched(&t[..3], 2, Duration::ZERO, |_| true)
                .unwrap()
                .len(),
            3
        );
    }

    #[test]
    fn a_panicking_tick_surfaces_after_the_pool_is_done() {
        let x = extractor();
        let t = texts(2000);
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            x.extract_batch_watched(&t, 2, Duration::ZERO, |_| panic!("tick"))
        }));
        assert!(r.is_err());
        assert_eq!(x.extract_batch(&t[..5], 2).unwrap().len(), 5);
    }
}
