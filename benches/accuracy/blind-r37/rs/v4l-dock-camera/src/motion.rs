use serde::Serialize;

#[derive(Clone, Copy, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Arrival,
    Departure,
}

pub struct Change {
    pub kind: ChangeKind,
}

/// Very rough change detector on compressed frame size: an open dock door
/// with a trailer in it compresses very differently from an empty bay.
pub struct MotionDetector {
    threshold: f64,
    baseline: Option<f64>,
    occupied: bool,
}

impl MotionDetector {
    pub fn new(threshold: f64) -> Self {
        Self { threshold, baseline: None, occupied: false }
    }

    pub fn feed(&mut self, jpeg: &[u8]) -> Option<Change> {
        let size = jpeg.len() as f64;
        let base = *self.baseline.get_or_insert(size);
        let delta = (size - base) / base;
        self.baseline = Some(base * 0.98 + size * 0.02);
        if delta > self.threshold && !self.occupied {
            self.occupied = true;
            Some(Change { kind: ChangeKind::Arrival })
        } else if delta < -self.threshold && self.occupied {
            self.occupied = false;
            Some(Change { kind: ChangeKind::Departure })
        } else {
            None
        }
    }
}
