//! Short-term (≈400 ms) RMS and sample-peak tracking.

pub struct ShortTermMeter {
    window: usize,
    squares: Vec<f32>,
    pos: usize,
    sum: f64,
    peak: f32,
}

impl ShortTermMeter {
    pub fn new(sample_rate: u64) -> Self {
        let window = ((sample_rate as f64) * 0.4) as usize;
        ShortTermMeter {
            window,
            squares: vec![0.0; window.max(1)],
            pos: 0,
            sum: 0.0,
            peak: 0.0,
        }
    }

    pub fn reset(&mut self) {
        self.squares.iter_mut().for_each(|s| *s = 0.0);
        self.pos = 0;
        self.sum = 0.0;
        self.peak = 0.0;
    }

    pub fn push(&mut self, l: f32, r: f32) {
        let sq = 0.5 * (l * l + r * r);
        self.sum += sq as f64 - self.squares[self.pos] as f64;
        self.squares[self.pos] = sq;
        self.pos = (self.pos + 1) % self.squares.len();
        let p = l.abs().max(r.abs());
        // slow release so the dashboard can see short overs
        self.peak = if p > self.peak { p } else { self.peak * 0.9995 };
    }

    pub fn rms_db(&self) -> f32 {
        let mean = (self.sum / self.window.max(1) as f64).max(1e-12);
        (10.0 * mean.log10()) as f32
    }

    pub fn peak_db(&self) -> f32 {
        20.0 * self.peak.max(1e-6).log10()
    }
}
