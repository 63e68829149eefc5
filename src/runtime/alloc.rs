//! The extension's global allocator: mimalloc for ordinary blocks, the system allocator for
//! blocks of `LARGE` bytes and more.
//!
//! mimalloc, because with glibc malloc the pool threads end up holding chunks of the main arena
//! (a chunk freed on a thread other than its owner's is recycled through that thread's tcache),
//! and every `realloc` of such a chunk takes the main arena's lock: two threads extracting a batch
//! at 1M aliases made ~1,800 futex calls per 8 MB batch and ran 1.1x-1.5x one thread. mimalloc's
//! per-thread heaps take no lock on that path. Python's own allocations are unaffected.
//!
//! The system allocator for large blocks, because glibc serves them with `mmap` and grows them
//! with `mremap`, without copying: mimalloc copies on every doubling of a growing vector, which
//! on a 100 MB text cost 28% more peak memory and 15% more time. The blocks that large are few
//! (whole-text buffers, automaton tables, batch result vectors), so they bring no lock traffic.

use std::alloc::{GlobalAlloc, Layout, System};
use std::ptr;

use mimalloc::MiMalloc;

/// Blocks of this size and more go to the system allocator.
const LARGE: usize = 1 << 20;

pub struct Alloc;

// SAFETY: every block is freed (or resized) by the allocator that made it: the size in the
// layout `dealloc` and `realloc` receive is the size the block was allocated or last resized
// with, so `size >= LARGE` names the same allocator each time.
unsafe impl GlobalAlloc for Alloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.size() >= LARGE {
            System.alloc(layout)
        } else {
            MiMalloc.alloc(layout)
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.size() >= LARGE {
            System.alloc_zeroed(layout)
        } else {
            MiMalloc.alloc_zeroed(layout)
        }
    }

    #[inline]
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        if layout.size() >= LARGE {
            System.dealloc(p, layout)
        } else {
            MiMalloc.dealloc(p, layout)
        }
    }

    #[inline]
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        match (layout.size() >= LARGE, new_size >= LARGE) {
            (true, true) => System.realloc(p, layout, new_size),
            (false, false) => MiMalloc.realloc(p, layout, new_size),
            _ => {
                // Crossing the line: move the block to the other allocator.
                let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
                let q = self.alloc(new_layout);
                if !q.is_null() {
                    ptr::copy_nonoverlapping(p, q, layout.size().min(new_size));
                    self.dealloc(p, layout);
                }
                q
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fills a block with a pattern that depends on the position.
    unsafe fn fill(p: *mut u8, n: usize) {
        for i in 0..n {
            *p.add(i) = (i % 251) as u8;
        }
    }

    unsafe fn check(p: *const u8, n: usize) {
        for i in (0..n).step_by(4093).chain(n.saturating_sub(1)..n) {
            assert_eq!(*p.add(i), (i % 251) as u8, "byte {i}");
        }
    }

    #[test]
    fn blocks_keep_their_contents_and_alignment_across_the_line() {
        let a = Alloc;
        for align in [1, 8, 64, 4096] {
            unsafe {
                let small = Layout::from_size_align(1000, align).unwrap();
                let p = a.alloc(small);
                assert!(!p.is_null() && p as usize % align == 0);
                fill(p, 1000);
                // small -> large: moves to the system allocator
                let p = a.realloc(p, small, 3 * LARGE);
                assert!(!p.is_null() && p as usize % align == 0);
                check(p, 1000);
                fill(p, 3 * LARGE);
                // large -> larger: stays there
                let large = Layout::from_size_align(3 * LARGE, align).unwrap();
                let p = a.realloc(p, large, 5 * LARGE);
                assert!(!p.is_null() && p as usize % align == 0);
                check(p, 3 * LARGE);
                // large -> small: back to mimalloc, truncated
                let larger = Layout::from_size_align(5 * LARGE, align).unwrap();
                let p = a.realloc(p, larger, 500);
                assert!(!p.is_null() && p as usize % align == 0);
                check(p, 500);
                a.dealloc(p, Layout::from_size_align(500, align).unwrap());
            }
        }
    }

    #[test]
    fn zeroed_blocks_are_zero_on_both_sides() {
        let a = Alloc;
        for size in [16, LARGE - 1, LARGE, 2 * LARGE] {
            unsafe {
                let l = Layout::from_size_align(size, 16).unwrap();
                let p = a.alloc_zeroed(l);
                assert!(!p.is_null());
                assert!((0..size).step_by(997).all(|i| *p.add(i) == 0));
                assert_eq!(*p.add(size - 1), 0);
                a.dealloc(p, l);
            }
        }
    }
}
