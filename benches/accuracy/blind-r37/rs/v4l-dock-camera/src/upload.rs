use std::time::Duration;

use reqwest::blocking::multipart::{Form, Part};

pub struct Uploader {
    http: reqwest::blocking::Client,
    base: String,
}

impl Uploader {
    pub fn new(base: String) -> Self {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(10))
            .pool_max_idle_per_host(2)
            .build()
            .expect("reqwest client");
        Self { http, base }
    }

    pub fn key_frame(&self, dock: &str, event_id: &str, jpeg: Vec<u8>) -> anyhow::Result<()> {
        let form = Form::new()
            .text("dock", dock.to_string())
            .text("event_id", event_id.to_string())
            .part("frame", Part::bytes(jpeg).file_name("frame.jpg").mime_str("image/jpeg")?);
        self.http
            .post(format!("{}/api/dock-events/{event_id}/frame", self.base))
            .multipart(form)
            .send()?
            .error_for_status()?;
        Ok(())
    }
}
