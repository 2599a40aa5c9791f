use std::time::Duration;

use crate::store::Entry;

/// Pushes finished entries to the company timesheet API.
pub struct Uploader {
    http: reqwest::blocking::Client,
    endpoint: String,
    token: String,
}

impl Uploader {
    pub fn new(endpoint: String, token: String) -> reqwest::Result<Self> {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(15))
            .user_agent("timesheet-tray/1.0")
            .build()?;
        Ok(Self { http, endpoint, token })
    }

    pub fn push(&self, entries: &[Entry]) -> reqwest::Result<()> {
        if entries.is_empty() {
            return Ok(());
        }
        self.http
            .post(format!("{}/v1/timesheets/entries:batch", self.endpoint))
            .bearer_auth(&self.token)
            .json(entries)
            .send()?
            .error_for_status()?;
        Ok(())
    }
}
