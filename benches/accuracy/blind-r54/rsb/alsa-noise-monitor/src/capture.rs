use anyhow::Result;
use alsa::pcm::{Access, Format, HwParams, PCM};
use alsa::{Direction, ValueOr};

/// Open the USB measurement microphone for 16-bit mono capture.
pub fn open(device: &str, rate: u32) -> Result<PCM> {
    let pcm = PCM::new(device, Direction::Capture, false)?;
    {
        let hwp = HwParams::any(&pcm)?;
        hwp.set_channels(1)?;
        hwp.set_rate(rate, ValueOr::Nearest)?;
        hwp.set_format(Format::s16())?;
        hwp.set_access(Access::RWInterleaved)?;
        pcm.hw_params(&hwp)?;
    }
    pcm.start()?;
    Ok(pcm)
}

/// Level of one period in dBFS (0 = full scale, silence around -90).
pub fn dbfs(samples: &[i16]) -> f32 {
    if samples.is_empty() {
        return -120.0;
    }
    let sum: f64 = samples.iter().map(|s| (*s as f64) * (*s as f64)).sum();
    let rms = (sum / samples.len() as f64).sqrt();
    if rms < 1.0 {
        return -120.0;
    }
    (20.0 * (rms / 32768.0).log10()) as f32
}

/// Tracks consecutive loud periods and reports an episode when it ends.
pub struct Episode {
    pub periods: u32,
    pub peak_dbfs: f32,
}

#[derive(Default)]
pub struct Detector {
    loud: u32,
    peak: f32,
}

impl Detector {
    pub fn feed(&mut self, level: f32, threshold: f32, min_periods: u32) -> Option<Episode> {
        if level >= threshold {
            self.peak = if self.loud == 0 { level } else { self.peak.max(level) };
            self.loud += 1;
            return None;
        }
        let finished = (self.loud >= min_periods).then(|| Episode {
            periods: self.loud,
            peak_dbfs: self.peak,
        });
        self.loud = 0;
        finished
    }
}
