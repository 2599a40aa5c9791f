//! Level maths plus the live meter that the front-of-house screen draws.

use std::time::{SystemTime, UNIX_EPOCH};

use redis::Commands;

/// RMS of one buffer, in dBFS (0 = full scale).
pub fn dbfs(samples: &[f32]) -> f32 {
    if samples.is_empty() {
        return -96.0;
    }
    let sum_sq: f32 = samples.iter().map(|s| s * s).sum();
    let rms = (sum_sq / samples.len() as f32).sqrt();
    if rms <= f32::EPSILON {
        -96.0
    } else {
        (20.0 * rms.log10()).max(-96.0)
    }
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// Publishes the latest reading for the venue so the meter on the dashboard moves.
/// Runs inside the cpal data callback, once per input buffer.
pub fn record_peak(venue: &str, level_db: f32) {
    let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let client = match redis::Client::open(url) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("bad REDIS_URL: {e}");
            return;
        }
    };
    let mut conn = match client.get_connection() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("meter update skipped: {e}");
            return;
        }
    };

    let key = format!("noise:{venue}");
    let rounded = format!("{level_db:.1}");
    let _: redis::RedisResult<()> = conn.hset_multiple(
        &key,
        &[("level_dbfs", rounded.clone()), ("updated_ms", now_ms().to_string())],
    );
    let _: redis::RedisResult<i64> = conn.publish(format!("{key}:live"), rounded);
}
