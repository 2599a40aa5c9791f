use serde::Serialize;
use std::time::Duration;

/// Snapshot handed from the audio thread to the background executor.
#[derive(Debug, Clone, Copy)]
pub struct ReportTask {
    pub short_term_lufs: f32,
    pub peak_dbfs: f32,
    pub target_lufs: f32,
    pub playing: bool,
}

#[derive(Serialize)]
struct LoudnessSample<'a> {
    station: &'a str,
    short_term_lufs: f32,
    peak_dbfs: f32,
    target_lufs: f32,
    on_air: bool,
}

fn station_id() -> String {
    std::env::var("NB_STATION_ID").unwrap_or_else(|_| "studio-a".to_string())
}

/// Called by the plugin's task executor for every ReportTask.
pub fn send(task: ReportTask) -> Result<(), Box<dyn std::error::Error>> {
    let station = station_id();
    let monitor_url = std::env::var("NB_MONITOR_URL")
        .unwrap_or_else(|_| "https://monitor.northbank.example/api/loudness".to_string());

    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(2))
        .user_agent(concat!("loudness-reporter/", env!("CARGO_PKG_VERSION")))
        .build()?;

    http.post(&monitor_url)
        .json(&LoudnessSample {
            station: &station,
            short_term_lufs: task.short_term_lufs,
            peak_dbfs: task.peak_dbfs,
            target_lufs: task.target_lufs,
            on_air: task.playing,
        })
        .send()?
        .error_for_status()?;

    let over_target = task.short_term_lufs > task.target_lufs + 2.0;
    let clipping = task.peak_dbfs > -1.0;
    if task.playing && (over_target || clipping) {
        let redis_url = std::env::var("NB_REDIS_URL")
            .unwrap_or_else(|_| "redis://alerts.northbank.example:6379/0".to_string());
        let mut alerts = redis::Client::open(redis_url.as_str())?.get_connection()?;
        let message = serde_json::json!({
            "station": station,
            "lufs": task.short_term_lufs,
            "peak": task.peak_dbfs,
            "reason": if clipping { "clipping" } else { "too_loud" },
        });
        redis::cmd("PUBLISH")
            .arg("loudness-alerts")
            .arg(message.to_string())
            .query::<i64>(&mut alerts)?;
    }

    Ok(())
}
