//! The runtime floor: thread pools, thread counts, cancellation of a watched batch, and the
//! extension's allocator. Every layer above may use it; it uses nothing of theirs.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use crate::error::{Error, ErrorKind, Result};

// The extension's global allocator (compiled for unit tests too, where it is not global).
#[cfg(any(feature = "python", test))]
pub mod alloc;

/// Runs `f(0..n_items)` on `n_threads` threads (0: the default, see [`default_threads`]): the
/// calling thread and `n_threads - 1` pool threads take items one at a time from a shared
/// counter, and between its items, every `every` at most, the caller calls `tick` with the
/// number of items done so far. When `tick` returns `false` the items not yet started are
/// skipped and the call returns an error of kind [`ErrorKind::Cancelled`] once the items in
/// flight are done. This is how a caller shows progress and stops a long batch (Ctrl-C) without
/// cutting it into chunks, each of which would end at a barrier where all but one thread wait
/// for the slowest item. The caller working, rather than waiting, also means a batch never
/// waits for a sleeping pool thread to wake up before it starts, and a one-thread batch never
/// leaves the calling thread. An item longer than `every` delays the next tick until it is done.
pub fn run_watched<T: Send + Sync>(
    n_items: usize,
    n_threads: usize,
    every: Duration,
    mut tick: impl FnMut(usize) -> bool,
    f: impl Fn(usize) -> T + Sync,
) -> Result<Vec<T>> {
    let n = if n_threads == 0 {
        default_threads()
    } else {
        check_threads(n_threads)?
    };
    let slots: Vec<OnceLock<T>> = (0..n_items).map(|_| OnceLock::new()).collect();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let cancel = AtomicBool::new(false);
    // Takes items until none is left or the batch is cancelled; `between` runs after each.
    let work = |between: &mut dyn FnMut()| loop {
        if cancel.load(Ordering::Relaxed) {
            break;
        }
        let i = next.fetch_add(1, Ordering::Relaxed);
        if i >= n_items {
            break;
        }
        let _ = slots[i].set(f(i));
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
            s.into_inner()
                .ok_or_else(|| Error::new(ErrorKind::Internal, "an item of the batch was not done"))
        })
        .collect()
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

pub fn thread_pool(n_threads: usize) -> Result<Arc<rayon::ThreadPool>> {
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

/// Returns the memory a gazetteer build freed to the OS now. mimalloc purges freed memory a
/// second after it is freed, but only when it is next called on that thread; without this, a
/// 1M-alias build leaves ~190 MB of freed construction memory (the intermediate automaton, the
/// parsed records) resident until the process next allocates. Runs on this thread and on every
/// thread of the default pool, where the build ran.
#[cfg(feature = "python")]
pub fn release_freed_memory() {
    // SAFETY: mi_collect touches only the calling thread's heap and mimalloc's shared arenas.
    unsafe { libmimalloc_sys::mi_collect(true) };
    if let Ok(pool) = thread_pool(0) {
        pool.broadcast(|_| unsafe { libmimalloc_sys::mi_collect(true) });
    }
}

/// Panics on purpose, on this thread or on a pool thread: the Python binding's test hook for
/// "a panic never aborts the interpreter".
#[doc(hidden)]
pub fn deliberate_panic(on_pool: bool) -> Result<()> {
    if on_pool {
        thread_pool(2)?.install(|| panic!("deliberate test panic on a pool thread"));
    }
    panic!("deliberate test panic")
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn watched_items_come_back_in_order_on_any_thread_count() {
        for n in [1, 2, 3] {
            let out = run_watched(1000, n, Duration::MAX, |_| true, |i| i * 2).unwrap();
            assert_eq!(out, (0..1000).map(|i| i * 2).collect::<Vec<_>>());
        }
        assert!(run_watched(0, 2, Duration::ZERO, |_| true, |i| i)
            .unwrap()
            .is_empty());
    }
}
