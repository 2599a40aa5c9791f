//! Runs on the site's monitoring box with an RTL-SDR or Airspy attached.
//! The receive loop below reads one buffer per iteration, forever; all
//! network clients live in the `Reporter` created before the loop.

mod detect;
mod report;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use num_complex::Complex;
use soapysdr::Direction::Rx;

use detect::BurstDetector;
use report::Reporter;

fn env_f64(name: &str, default: f64) -> f64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let site = std::env::var("RFMON_SITE").unwrap_or_else(|_| "site-unknown".into());
    let center_hz = env_f64("RFMON_FREQ_HZ", 433.92e6);
    let rate = env_f64("RFMON_RATE", 2.048e6);
    let driver = std::env::var("RFMON_DEVICE").unwrap_or_else(|_| "driver=rtlsdr".into());

    let mut reporter = Reporter::start(&site, center_hz)?;

    let dev = soapysdr::Device::new(driver.as_str())?;
    dev.set_frequency(Rx, 0, center_hz, ())?;
    dev.set_sample_rate(Rx, 0, rate)?;
    dev.set_gain(Rx, 0, env_f64("RFMON_GAIN_DB", 30.0))?;

    let mut stream = dev.rx_stream::<Complex<f32>>(&[0])?;
    let mut buf = vec![Complex::new(0.0f32, 0.0); stream.mtu()?];
    let mut detector = BurstDetector::new(rate, env_f64("RFMON_THRESHOLD_DB", 12.0) as f32);

    let running = Arc::new(AtomicBool::new(true));
    let r = running.clone();
    ctrlc::set_handler(move || r.store(false, Ordering::SeqCst))?;

    stream.activate(None)?;
    let mut last_summary = Instant::now();
    while running.load(Ordering::SeqCst) {
        let n = match stream.read(&mut [&mut buf[..]], 1_000_000) {
            Ok(n) => n,
            Err(e) => {
                eprintln!("rf-monitor: read error: {e}");
                continue;
            }
        };
        for burst in detector.feed(&buf[..n]) {
            reporter.burst(&burst);
        }
        if last_summary.elapsed() >= Duration::from_secs(60) {
            reporter.summary(detector.noise_floor_db(), detector.take_minute_stats());
            last_summary = Instant::now();
        }
    }
    stream.deactivate(None)?;
    reporter.shutdown();
    Ok(())
}
