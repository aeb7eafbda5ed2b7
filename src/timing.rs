//! Stage timings for profiling: `TRANGXA_TIMINGS=1 trangxa build` prints how
//! long each stage of the pipeline took, so a slow build can be explained
//! without a profiler (and benchmarks can say where the time goes).

use std::sync::OnceLock;
use std::time::Instant;

/// Whether `TRANGXA_TIMINGS` asks for timings.
pub fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("TRANGXA_TIMINGS").is_some_and(|v| v != "0"))
}

/// Prints the time since the previous lap, when timings are enabled.
pub struct Stopwatch {
    last: Instant,
}

impl Stopwatch {
    pub fn start() -> Stopwatch {
        Stopwatch {
            last: Instant::now(),
        }
    }

    pub fn lap(&mut self, stage: &str) {
        if enabled() {
            let now = Instant::now();
            eprintln!(
                "[timing] {stage:<16} {:>8.1} ms",
                (now - self.last).as_secs_f64() * 1000.0
            );
            self.last = now;
        }
    }
}

/// Time spent per kind of work, summed over threads, printed at the end.
#[derive(Default)]
pub struct Tally {
    totals: std::sync::Mutex<std::collections::BTreeMap<String, (f64, usize)>>,
}

impl Tally {
    pub fn add(&self, kind: &str, started: Instant) {
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        if let Ok(mut t) = self.totals.lock() {
            let e = t.entry(kind.to_string()).or_default();
            e.0 += ms;
            e.1 += 1;
        }
    }

    pub fn print(&self, what: &str) {
        if let Ok(t) = self.totals.lock() {
            let mut rows: Vec<_> = t.iter().collect();
            rows.sort_by(|a, b| b.1.0.total_cmp(&a.1.0));
            for (kind, (ms, n)) in rows {
                eprintln!("[timing]   {what} {kind:<14} {ms:>8.1} ms CPU in {n}");
            }
        }
    }
}
