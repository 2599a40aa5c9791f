use std::time::Duration;

use dsmr5::state::State;

pub struct Uploader {
    http: reqwest::blocking::Client,
    api_key: String,
    system_id: String,
}

impl Uploader {
    pub fn from_env() -> anyhow::Result<Self> {
        Ok(Self {
            http: reqwest::blocking::Client::builder()
                .timeout(Duration::from_secs(15))
                .build()?,
            api_key: std::env::var("PVOUTPUT_API_KEY")?,
            system_id: std::env::var("PVOUTPUT_SYSTEM_ID")?,
        })
    }

    /// Status upload (v4 = consumption in W).
    pub fn upload(&self, state: &State) -> reqwest::Result<()> {
        let consumption_w = state.power_delivered.unwrap_or(0.0) * 1000.0;
        let now = chrono::Local::now();
        self.http
            .post("https://pvoutput.org/service/r2/addstatus.jsp")
            .header("X-Pvoutput-Apikey", &self.api_key)
            .header("X-Pvoutput-SystemId", &self.system_id)
            .form(&[
                ("d", now.format("%Y%m%d").to_string()),
                ("t", now.format("%H:%M").to_string()),
                ("v4", format!("{consumption_w:.0}")),
            ])
            .send()?
            .error_for_status()?;
        Ok(())
    }
}
