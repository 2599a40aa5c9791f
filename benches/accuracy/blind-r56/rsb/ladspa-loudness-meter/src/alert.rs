//! Pages the on-call engineer through the incident webhook when a bus clips.

use serde::Serialize;
use std::time::Duration;

const WEBHOOK_URL: &str = "https://oncall.studio.internal/hooks/audio-clip";

#[derive(Serialize)]
struct ClipAlert<'a> {
    source: &'a str,
    station: u32,
    peak_dbfs: f32,
    severity: &'a str,
}

pub fn page_clip(station: u32, peak_dbfs: f32) {
    let http = match reqwest::blocking::Client::builder()
        .timeout(Duration::from_millis(800))
        .user_agent("loudness-meter/0.3")
        .build()
    {
        Ok(c) => c,
        Err(_) => return,
    };

    let body = ClipAlert {
        source: "ladspa-loudness-meter",
        station,
        peak_dbfs,
        severity: if peak_dbfs >= 0.0 { "critical" } else { "warning" },
    };

    // fire-and-forget: a failed page must never stall the audio thread for long
    let _ = http.post(WEBHOOK_URL).json(&body).send();
}
