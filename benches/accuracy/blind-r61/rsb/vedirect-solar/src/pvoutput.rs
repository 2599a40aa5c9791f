//! PVOutput "Add Status" API (https://pvoutput.org/help/api_specification.html).

use crate::vedirect::Block;

pub struct Uploader {
    http: reqwest::blocking::Client,
    api_key: String,
    system_id: String,
}

impl Uploader {
    pub fn new(http: reqwest::blocking::Client, api_key: String, system_id: String) -> Self {
        Uploader { http, api_key, system_id }
    }

    pub fn add_status(&self, block: &Block) -> anyhow::Result<()> {
        let now = chrono::Local::now();
        let mut form = vec![
            ("d", now.format("%Y%m%d").to_string()),
            ("t", now.format("%H:%M").to_string()),
        ];
        if let Some(wh) = block.yield_today_wh() {
            form.push(("v1", wh.to_string()));
        }
        if let Some(w) = block.panel_w() {
            form.push(("v2", w.to_string()));
        }
        if let Some(v) = block.battery_v() {
            form.push(("v6", format!("{v:.2}")));
        }
        self.http
            .post("https://pvoutput.org/service/r2/addstatus.jsp")
            .header("X-Pvoutput-Apikey", &self.api_key)
            .header("X-Pvoutput-SystemId", &self.system_id)
            .form(&form)
            .send()?
            .error_for_status()?;
        Ok(())
    }
}
