//! One document, and batches of documents on a rayon pool.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;

use crate::error::{Error, ErrorKind, Result};
use crate::gazetteer::{Gazetteer, MatchOptions, Mention};
use crate::numbers::{find_numbers, find_numbers_in, Number, NumberOptions, NUMBER_NORM};
use crate::quotes::{Quote, Source};
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
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            matching: MatchOptions::default(),
            numbers: Some(NumberOptions::default()),
            quotes: true,
        }
    }
}

/// The result of extracting one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// Entity mentions, in text order.
    pub entities: Vec<Mention>,
    /// Numbers, in text order.
    pub numbers: Vec<Number>,
    /// Direct quotes, in text order.
    pub quotes: Vec<Quote>,
    /// The source of each number (same order as `numbers`), when it is reported speech.
    pub number_sources: Vec<Option<Source>>,
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

    /// The options.
    pub fn options(&self) -> ExtractOptions {
        self.options
    }

    /// Extracts one text.
    pub fn extract(&self, text: &str) -> Result<Document> {
        // One normalisation serves entities and numbers when their options agree.
        let (entities, numbers) = if self.gazetteer.options().norm() == NUMBER_NORM {
            let norm = NormText::new(text, NUMBER_NORM)?;
            let entities = self.gazetteer.find_in(text, &norm, self.options.matching)?;
            let numbers = match self.options.numbers {
                Some(o) => find_numbers_in(text, &norm, o),
                None => Vec::new(),
            };
            (entities, numbers)
        } else {
            let entities = self.gazetteer.find(text, self.options.matching)?;
            let numbers = match self.options.numbers {
                Some(o) => find_numbers(text, o)?,
                None => Vec::new(),
            };
            (entities, numbers)
        };
        let (quotes, number_sources) = if self.options.quotes {
            let spans: Vec<(usize, usize)> = numbers
                .iter()
                .map(|n| (n.span.byte_start, n.span.byte_end))
                .collect();
            crate::quotes::analyse(text, &entities, &self.gazetteer, &spans)
        } else {
            (Vec::new(), vec![None; numbers.len()])
        };
        Ok(Document {
            entities,
            numbers,
            quotes,
            number_sources,
        })
    }

    /// Extracts many texts on `n_threads` threads (0: the default, see [`default_threads`]).
    /// The result has one entry per text, in order; one text's failure does not stop the others.
    pub fn extract_batch<S: AsRef<str> + Sync>(
        &self,
        texts: &[S],
        n_threads: usize,
    ) -> Result<Vec<Result<Document>>> {
        self.gazetteer.compile()?;
        let pool = thread_pool(n_threads)?;
        Ok(pool.install(|| {
            texts
                .par_iter()
                .with_min_len(1)
                .map(|t| self.extract(t.as_ref()))
                .collect()
        }))
    }
}

/// Threads used when none are asked for: `WIRESCAN_NUM_THREADS`, else the number of cores.
pub fn default_threads() -> usize {
    std::env::var("WIRESCAN_NUM_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        })
}

type Pools = HashMap<usize, Arc<rayon::ThreadPool>>;

/// Pools by size, created lazily and dropped when the process id changes (after a fork the
/// parent's worker threads do not exist in the child).
pub(crate) fn thread_pool(n_threads: usize) -> Result<Arc<rayon::ThreadPool>> {
    static POOLS: OnceLock<Mutex<(u32, Pools)>> = OnceLock::new();
    let n = if n_threads == 0 {
        default_threads()
    } else {
        n_threads
    };
    let pid = std::process::id();
    let lock = POOLS.get_or_init(|| Mutex::new((pid, HashMap::new())));
    let mut guard = lock.lock().unwrap_or_else(|p| p.into_inner());
    if guard.0 != pid {
        // Forked: forget (leak) the parent's pools; their threads are gone in this process.
        let old = std::mem::take(&mut guard.1);
        std::mem::forget(old);
        guard.0 = pid;
    }
    if let Some(p) = guard.1.get(&n) {
        return Ok(p.clone());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("wirescan-{i}"))
        .build()
        .map_err(|e| Error::new(ErrorKind::Internal, format!("thread pool: {e}")))?;
    let pool = Arc::new(pool);
    guard.1.insert(n, pool.clone());
    Ok(pool)
}
