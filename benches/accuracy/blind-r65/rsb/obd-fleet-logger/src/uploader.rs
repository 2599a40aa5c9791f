use std::time::Duration;

use crate::elm::Sample;

pub struct UploadConfig {
    pub endpoint: String,
    pub vehicle_id: String,
    pub api_token: String,
}

/// Ships one batch of buffered samples; called from the poll loop every 30 s.
pub fn flush(cfg: &UploadConfig, batch: &[Sample]) -> Result<(), reqwest::Error> {
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(10))
        .user_agent("obd-fleet-logger/1.3")
        .build()?;
    http.post(format!("{}/vehicles/{}/samples", cfg.endpoint, cfg.vehicle_id))
        .bearer_auth(&cfg.api_token)
        .json(&batch)
        .send()?
        .error_for_status()?;
    Ok(())
}
