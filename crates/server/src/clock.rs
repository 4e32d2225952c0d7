//! The current time, injected so that tests can move it: session timeouts, lockouts and service
//! hours all depend on it, and tests must not sleep for 15 minutes.

use std::sync::Mutex;
use time::{Duration, OffsetDateTime};

/// Where the server reads the time from.
pub trait Clock: Send + Sync {
    fn now(&self) -> OffsetDateTime;
}

/// The real clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
    }
}

/// A clock that stands still until told to move; for tests.
#[derive(Debug)]
pub struct ManualClock {
    now: Mutex<OffsetDateTime>,
}

impl ManualClock {
    pub fn new(at: OffsetDateTime) -> Self {
        Self {
            now: Mutex::new(at),
        }
    }

    pub fn set(&self, at: OffsetDateTime) {
        *self.lock() = at;
    }

    pub fn advance(&self, by: Duration) {
        let mut now = self.lock();
        *now += by;
    }

    /// A poisoned lock only means another test thread panicked; the time inside is still valid.
    fn lock(&self) -> std::sync::MutexGuard<'_, OffsetDateTime> {
        self.now
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Clock for ManualClock {
    fn now(&self) -> OffsetDateTime {
        *self.lock()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn manual_clock_moves_only_when_told() {
        let clock = ManualClock::new(datetime!(2026-11-25 10:00 +9));
        assert_eq!(clock.now(), datetime!(2026-11-25 10:00 +9));
        clock.advance(Duration::minutes(31));
        assert_eq!(clock.now(), datetime!(2026-11-25 10:31 +9));
        clock.set(datetime!(2026-11-29 10:00 +9));
        assert_eq!(clock.now(), datetime!(2026-11-29 10:00 +9));
    }
}
