//! Energy detector: tracks the noise floor and reports bursts that rise
//! `threshold_db` above it.

use num_complex::Complex;

pub struct Burst {
    pub start_sample: u64,
    pub duration_ms: f32,
    pub peak_db: f32,
}

#[derive(Default, Clone, Copy)]
pub struct MinuteStats {
    pub bursts: u32,
    pub busy_ms: f32,
}

pub struct BurstDetector {
    rate: f64,
    threshold_db: f32,
    floor_db: f32,
    sample_index: u64,
    open: Option<(u64, f32)>,
    stats: MinuteStats,
}

impl BurstDetector {
    pub fn new(rate: f64, threshold_db: f32) -> Self {
        BurstDetector { rate, threshold_db, floor_db: -60.0, sample_index: 0, open: None, stats: MinuteStats::default() }
    }

    pub fn noise_floor_db(&self) -> f32 {
        self.floor_db
    }

    pub fn take_minute_stats(&mut self) -> MinuteStats {
        std::mem::take(&mut self.stats)
    }

    pub fn feed(&mut self, samples: &[Complex<f32>]) -> Vec<Burst> {
        let mut out = Vec::new();
        // 256-sample blocks are ~125 µs at 2 Msps: fine enough for key fobs
        for block in samples.chunks(256) {
            let power: f32 = block.iter().map(|s| s.norm_sqr()).sum::<f32>() / block.len() as f32;
            let db = 10.0 * power.max(1e-12).log10();
            let above = db > self.floor_db + self.threshold_db;
            match (&mut self.open, above) {
                (None, true) => self.open = Some((self.sample_index, db)),
                (Some((_, peak)), true) => *peak = peak.max(db),
                (Some((start, peak)), false) => {
                    let duration_ms = ((self.sample_index - *start) as f64 / self.rate * 1000.0) as f32;
                    out.push(Burst { start_sample: *start, duration_ms, peak_db: *peak });
                    self.stats.bursts += 1;
                    self.stats.busy_ms += duration_ms;
                    self.open = None;
                }
                (None, false) => self.floor_db = 0.999 * self.floor_db + 0.001 * db,
            }
            self.sample_index += block.len() as u64;
        }
        out
    }
}
