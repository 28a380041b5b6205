//! Spreading independent work over the machine's cores with scoped threads, keeping order.
//!
//! Work is handed out in small batches from a shared counter rather than cut into one part per
//! thread: on a machine shared with other work, or when some items cost more than others, a
//! thread that finishes early takes more instead of idling until the slowest part is done.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Below this many items the work runs on the calling thread.
const MIN_PARALLEL_ITEMS: usize = 32;

/// The most items a thread takes at once (a post takes a fraction of a millisecond).
const MAX_BATCH: usize = 16;

/// `items.iter().map(f).collect()`, computed on up to one thread per core (the calling thread
/// is one of them); results keep the order of `items`.
pub fn map<T, R, F>(items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || items.len() < MIN_PARALLEL_ITEMS {
        return items.iter().map(f).collect();
    }
    // About 32 batches per thread, so the last ones even out the threads' finishing times.
    let batch = (items.len() / (threads * 32)).clamp(1, MAX_BATCH);
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done: Vec<(usize, Vec<R>)> = Vec::new();
        loop {
            let start = next.fetch_add(batch, Ordering::Relaxed);
            if start >= items.len() {
                return done;
            }
            let end = (start + batch).min(items.len());
            done.push((start, items[start..end].iter().map(&f).collect()));
        }
    };
    let mut parts = std::thread::scope(|scope| {
        let workers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut parts = work();
        for worker in workers {
            match worker.join() {
                Ok(more) => parts.extend(more),
                // A worker only panics on a bug; pass it on unchanged.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        parts
    });
    parts.sort_unstable_by_key(|(start, _)| *start);
    let mut results = Vec::with_capacity(items.len());
    for (_, part) in parts {
        results.extend(part);
    }
    results
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_the_input_order() {
        let items: Vec<u32> = (0..1000).collect();
        let doubled = super::map(&items, |n| n * 2);
        assert_eq!(doubled, items.iter().map(|n| n * 2).collect::<Vec<_>>());
        assert_eq!(super::map(&[] as &[u32], |n| *n), Vec::<u32>::new());
        // Uneven work: early items are slow, so threads take batches out of order.
        let uneven = super::map(&items, |n| {
            if *n < 64 {
                std::thread::sleep(std::time::Duration::from_micros(200));
            }
            n + 1
        });
        assert_eq!(uneven, items.iter().map(|n| n + 1).collect::<Vec<_>>());
    }
}
