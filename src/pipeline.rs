//! One document, and batches of documents on a rayon pool.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

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
    /// The source of each number (same order as `numbers`), when it is reported speech (boxed:
    /// most numbers have none, and a `None` then costs 8 bytes, not a whole `Source`).
    pub number_sources: Vec<Option<Box<Source>>>,
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

    /// Extracts many texts on `n_threads` threads (0: the default, see [`default_threads`]): the
    /// calling thread and `n_threads - 1` pool threads, as [`Extractor::extract_batch_watched`]
    /// without ticks. The result has one entry per text, in order; one text's failure does not
    /// stop the others.
    pub fn extract_batch<S: AsRef<str> + Sync>(
        &self,
        texts: &[S],
        n_threads: usize,
    ) -> Result<Vec<Result<Document>>> {
        self.extract_batch_watched(texts, n_threads, Duration::MAX, |_| true)
    }

    /// Extracts many texts with the calling thread taking part and checking in: the caller and
    /// `n_threads - 1` pool threads take texts one at a time from a shared counter, and between
    /// its texts, every `every` at most, the caller calls `tick` with the
    /// number of texts done so far. When `tick` returns `false` the texts not yet started are
    /// skipped and the call returns an error of kind [`ErrorKind::Cancelled`] once the texts in
    /// flight are done. This is how a caller shows progress and stops a long batch (Ctrl-C)
    /// without cutting it into chunks, each of which would end at a barrier where all but one
    /// thread wait for the slowest text. The caller working, rather than waiting, also means a
    /// batch never waits for a sleeping pool thread to wake up before it starts, and a
    /// one-thread batch never leaves the calling thread. A text longer than `every` delays the
    /// next tick until it is done.
    pub fn extract_batch_watched<S: AsRef<str> + Sync>(
        &self,
        texts: &[S],
        n_threads: usize,
        every: Duration,
        mut tick: impl FnMut(usize) -> bool,
    ) -> Result<Vec<Result<Document>>> {
        self.gazetteer.compile()?;
        let n = if n_threads == 0 {
            default_threads()
        } else {
            check_threads(n_threads)?
        };
        let slots: Vec<OnceLock<Result<Document>>> =
            texts.iter().map(|_| OnceLock::new()).collect();
        let next = AtomicUsize::new(0);
        let done = AtomicUsize::new(0);
        let cancel = AtomicBool::new(false);
        // Takes texts until none is left or the batch is cancelled; `between` runs after each.
        let work = |between: &mut dyn FnMut()| loop {
            if cancel.load(Ordering::Relaxed) {
                break;
            }
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(t) = texts.get(i) else { break };
            let _ = slots[i].set(self.extract(t.as_ref()));
            done.fetch_add(1, Ordering::Relaxed);
            between();
        };
        let mut last = Instant::now();
        let mut caller = || {
            // A panic in `tick` stops the pool threads too (the panic then surfaces here).
            let _stop = CancelOnUnwind(&cancel);
            work(&mut || {
                if last.elapsed() >= every && !cancel.load(Ordering::Relaxed) {
                    if !tick(done.load(Ordering::Relaxed)) {
                        cancel.store(true, Ordering::Relaxed);
                    }
                    last = Instant::now();
                }
            })
        };
        if n <= 1 {
            caller();
        } else {
            let pool = thread_pool(n - 1)?;
            pool.in_place_scope(|scope| {
                for _ in 1..n {
                    scope.spawn(|_| work(&mut || {}));
                }
                caller();
            });
        }
        if cancel.load(Ordering::Relaxed) {
            return Err(Error::cancelled());
        }
        slots
            .into_iter()
            .map(|s| {
                s.into_inner().ok_or_else(|| {
                    Error::new(ErrorKind::Internal, "a text of the batch was not done")
                })
            })
            .collect()
    }
}

/// Cancels a batch when dropped during a panic.
struct CancelOnUnwind<'a>(&'a AtomicBool);

impl Drop for CancelOnUnwind<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.store(true, Ordering::Relaxed);
        }
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

/// The most threads a call may ask for: four per core, at least 32, never more than 1,024. More
/// threads than that only add context switches, and each distinct count holds a pool.
pub fn max_threads() -> usize {
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    (4 * cores).clamp(32, 1024)
}

/// Checks a requested thread count (0: the default) against [`max_threads`].
pub fn check_threads(n_threads: usize) -> Result<usize> {
    let max = max_threads();
    if n_threads > max {
        return Err(Error::new(
            ErrorKind::Option,
            format!(
                "n_threads must be between 1 and {max} (4 per core, at least 32), not {n_threads}"
            ),
        ));
    }
    Ok(n_threads)
}

/// At most this many pools of distinct sizes are kept; the least recently used one is dropped
/// (its threads end once no batch uses it any more).
const MAX_POOLS: usize = 4;

/// Pools by size, most recently used last.
type Pools = Vec<(usize, Arc<rayon::ThreadPool>)>;

/// Pools by size, created lazily, at most [`MAX_POOLS`] of them, and dropped when the process id
/// changes (after a fork the parent's worker threads do not exist in the child).
static POOLS: OnceLock<Mutex<(u32, Pools)>> = OnceLock::new();

pub(crate) fn thread_pool(n_threads: usize) -> Result<Arc<rayon::ThreadPool>> {
    let n = if n_threads == 0 {
        default_threads()
    } else {
        check_threads(n_threads)?
    };
    let pid = std::process::id();
    let lock = POOLS.get_or_init(|| Mutex::new((pid, Vec::new())));
    let mut guard = lock.lock().unwrap_or_else(|p| p.into_inner());
    if guard.0 != pid {
        // Forked: forget (leak) the parent's pools; their threads are gone in this process.
        let old = std::mem::take(&mut guard.1);
        std::mem::forget(old);
        guard.0 = pid;
    }
    if let Some(i) = guard.1.iter().position(|(size, _)| *size == n) {
        let entry = guard.1.remove(i);
        let pool = entry.1.clone();
        guard.1.push(entry);
        return Ok(pool);
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("wirescan-{i}"))
        .build()
        .map_err(|e| Error::new(ErrorKind::Internal, format!("thread pool: {e}")))?;
    let pool = Arc::new(pool);
    if guard.1.len() >= MAX_POOLS {
        guard.1.remove(0);
    }
    guard.1.push((n, pool.clone()));
    Ok(pool)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::GazetteerOptions;
    use serde_json::json;

    #[test]
    fn thread_counts_are_capped_and_pools_bounded() {
        let err = thread_pool(max_threads() + 1).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Option);
        assert!(err.message().contains("n_threads must be between 1 and"));
        for n in 1..=9usize {
            thread_pool(n).unwrap();
        }
        let held = POOLS.get().unwrap().lock().unwrap().1.len();
        assert!(held <= MAX_POOLS, "{held} pools held");
        // The most recent size is kept, and asking for it again does not build a new pool.
        let a = thread_pool(9).unwrap();
        let b = thread_pool(9).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
    }

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
