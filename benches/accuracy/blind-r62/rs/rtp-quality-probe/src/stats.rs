use std::time::Instant;

/// RFC 3550 receiver statistics for one SSRC over the current reporting window.
pub struct StreamStats {
    pub payload_type: u8,
    pub source: String,
    pub last_seen: Instant,
    clock_rate: f64,
    first_arrival: Instant,
    max_seq: Option<u16>,
    expected: u64,
    received: u64,
    transit_prev: Option<f64>,
    jitter: f64,
}

pub struct Window {
    pub payload_type: u8,
    pub expected: u64,
    pub received: u64,
    pub jitter_ms: f64,
}

fn clock_rate_for(pt: u8) -> f64 {
    match pt {
        0 | 8 | 9 | 18 => 8000.0,
        _ => 48000.0,
    }
}

impl StreamStats {
    pub fn new(payload_type: u8, source: String) -> Self {
        let now = Instant::now();
        StreamStats {
            payload_type,
            source,
            last_seen: now,
            clock_rate: clock_rate_for(payload_type),
            first_arrival: now,
            max_seq: None,
            expected: 0,
            received: 0,
            transit_prev: None,
            jitter: 0.0,
        }
    }

    pub fn observe(&mut self, seq: u16, rtp_ts: u32) {
        let now = Instant::now();
        self.last_seen = now;
        self.received += 1;
        match self.max_seq {
            None => self.expected = 1,
            Some(max) => {
                let delta = seq.wrapping_sub(max);
                if delta != 0 && delta < 0x8000 {
                    self.expected += delta as u64;
                    self.max_seq = Some(seq);
                }
            }
        }
        if self.max_seq.is_none() {
            self.max_seq = Some(seq);
        }

        let arrival = now.duration_since(self.first_arrival).as_secs_f64() * self.clock_rate;
        let transit = arrival - rtp_ts as f64;
        if let Some(prev) = self.transit_prev {
            let d = (transit - prev).abs();
            self.jitter += (d - self.jitter) / 16.0;
        }
        self.transit_prev = Some(transit);
    }

    /// Returns the counters of the window that just ended and starts a new one.
    pub fn take_window(&mut self) -> Window {
        let w = Window {
            payload_type: self.payload_type,
            expected: self.expected,
            received: self.received,
            jitter_ms: self.jitter / self.clock_rate * 1000.0,
        };
        self.expected = 0;
        self.received = 0;
        w
    }
}
