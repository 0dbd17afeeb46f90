//! Sub-stage timings for `--timings` and the benchmarks: the build's
//! stage timings are too coarse to tell where the index stage or
//! the write stage spends its time, and threading a timer through every
//! function would clutter them. Spans are recorded process-wide and taken
//! by the build that reports them.

use std::sync::Mutex;
use std::time::{Duration, Instant};

static SPANS: Mutex<Vec<(&'static str, Duration)>> = Mutex::new(Vec::new());

/// Runs `f`, recording how long it took under `name`.
pub fn span<T>(name: &'static str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    record(name, started);
    out
}

/// Records the time since `started` under `name`, for a span that does
/// not fit in a closure.
pub fn record(name: &'static str, started: Instant) {
    if let Ok(mut spans) = SPANS.lock() {
        spans.push((name, started.elapsed()));
    }
}

/// The spans recorded since the last call, in the order they ended.
pub fn take() -> Vec<(&'static str, Duration)> {
    SPANS
        .lock()
        .map(|mut s| std::mem::take(&mut *s))
        .unwrap_or_default()
}
