//! Very small short-term loudness approximation: a K-weighting-ish
//! high-shelf + high-pass pre-filter, then a 3 second mean-square window.

pub struct LoudnessMeter {
    sample_rate: f32,
    window: Vec<f32>,
    pos: usize,
    sum: f64,
    hp_state: [f32; 2],
    hp_prev_in: [f32; 2],
    peak: f32,
}

impl LoudnessMeter {
    pub fn new(sample_rate: f32) -> Self {
        let len = (sample_rate * 3.0) as usize;
        Self {
            sample_rate,
            window: vec![0.0; len.max(1)],
            pos: 0,
            sum: 0.0,
            hp_state: [0.0; 2],
            hp_prev_in: [0.0; 2],
            peak: 0.0,
        }
    }

    pub fn reset(&mut self) {
        *self = Self::new(self.sample_rate);
    }

    fn high_pass(&mut self, ch: usize, x: f32) -> f32 {
        // one-pole high-pass around 60 Hz
        let rc = 1.0 / (2.0 * std::f32::consts::PI * 60.0);
        let dt = 1.0 / self.sample_rate;
        let alpha = rc / (rc + dt);
        let y = alpha * (self.hp_state[ch] + x - self.hp_prev_in[ch]);
        self.hp_state[ch] = y;
        self.hp_prev_in[ch] = x;
        y
    }

    pub fn push(&mut self, left: f32, right: f32) {
        self.peak = self.peak.max(left.abs()).max(right.abs());
        let l = self.high_pass(0, left);
        let r = self.high_pass(1, right);
        let ms = (l * l + r * r) as f64;
        self.sum += ms - self.window[self.pos] as f64;
        self.window[self.pos] = ms as f32;
        self.pos = (self.pos + 1) % self.window.len();
    }

    pub fn short_term_lufs(&self) -> f32 {
        let mean = (self.sum / self.window.len() as f64).max(1e-12);
        (-0.691 + 10.0 * mean.log10()) as f32
    }

    pub fn take_peak_dbfs(&mut self) -> f32 {
        let p = self.peak.max(1e-9);
        self.peak = 0.0;
        20.0 * p.log10()
    }
}
