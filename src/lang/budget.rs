//! The time a front-end may spend on one file. The walks call [`tick`] as they visit nodes;
//! past the deadline set by [`Deadline::start`], `tick` unwinds (without the panic hook: no
//! message) to the engine's `catch_unwind` around the file, which lists the file under `errors`
//! ("skipped: took longer than …") and goes on with the others. A pathological file costs at most
//! its budget, never the run.

use std::cell::Cell;
use std::time::{Duration, Instant};

/// The budget of a file: [`BASE`] plus [`PER_MB`] per megabyte of its text. Generous: real files
/// take milliseconds; it bounds inputs whose cost would otherwise grow without limit.
pub const BASE: Duration = Duration::from_secs(10);
pub const PER_MB: Duration = Duration::from_secs(4);

/// Overrides the budget, in milliseconds (tests; a very slow machine).
pub const ENV: &str = "CONNLINT_FILE_BUDGET_MS";

/// The payload the walks unwind with when over budget.
#[derive(Debug)]
pub struct OverBudget;

thread_local! {
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
    static TICKS: Cell<u32> = const { Cell::new(0) };
}

/// How long a file of `len` bytes may take.
pub fn for_len(len: usize) -> Duration {
    if let Some(ms) = std::env::var(ENV)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
    {
        return Duration::from_millis(ms);
    }
    let mb = u32::try_from(len / (1024 * 1024) + 1).unwrap_or(u32::MAX);
    BASE + PER_MB.saturating_mul(mb)
}

/// The deadline of the file being extracted on this thread; cleared when dropped.
pub struct Deadline {
    previous: Option<Instant>,
}

impl Deadline {
    pub fn start(budget: Duration) -> Deadline {
        let previous = DEADLINE.with(|d| d.replace(Instant::now().checked_add(budget)));
        TICKS.with(|t| t.set(0));
        Deadline { previous }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        DEADLINE.with(|d| d.set(self.previous));
    }
}

/// One unit of work: every 256th looks at the clock, and past the deadline unwinds with
/// [`OverBudget`].
#[inline]
pub fn tick() {
    let n = TICKS.with(|t| {
        let n = t.get().wrapping_add(1);
        t.set(n);
        n
    });
    if !n.is_multiple_of(256) {
        return;
    }
    if DEADLINE.with(Cell::get).is_some_and(|d| Instant::now() > d) {
        std::panic::resume_unwind(Box::new(OverBudget));
    }
}

/// Is the file being extracted on this thread past its deadline?
pub fn over() -> bool {
    DEADLINE.with(Cell::get).is_some_and(|d| Instant::now() > d)
}

/// Unwind with [`OverBudget`] now if the file is past its deadline (after work that cannot tick,
/// such as a parse the parser gave up).
pub fn check_now() {
    if over() {
        std::panic::resume_unwind(Box::new(OverBudget));
    }
}
