//! Time for the store: wall-clock seconds for creation dates, and a
//! monotonic millisecond clock that orders changes for merging.

use std::sync::atomic::{AtomicU64, Ordering};

/// Seconds since the Unix epoch (0 if the clock is before it).
pub fn now() -> u64 {
    now_ms() / 1000
}

/// Milliseconds since the Unix epoch (0 if the clock is before it).
pub(super) fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// A process-wide monotonic clock in milliseconds since the Unix epoch: the
/// wall clock, but always at least one more than the previous tick, so that
/// two changes in one process are ordered even within one millisecond.
pub(super) fn tick() -> u64 {
    static LAST: AtomicU64 = AtomicU64::new(0);
    let now = now_ms();
    let mut last = LAST.load(Ordering::Relaxed);
    loop {
        let next = now.max(last.saturating_add(1));
        match LAST.compare_exchange_weak(last, next, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return next,
            Err(seen) => last = seen,
        }
    }
}

/// A new bookmark id, unique across processes: `<ms>-<pid>-<n>` where `ms`
/// is the creation time in milliseconds, `pid` the process id and `n` a
/// per-process counter.
pub fn new_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{}-{}-{n}", now_ms(), std::process::id())
}
