//! Minimal PagerDuty REST v2 client.

use std::time::Duration;

use anyhow::{Context, Result};
use reqwest::blocking::Client;
use serde::Deserialize;
use serde_json::json;

pub struct PagerDuty {
    http: Client,
    token: String,
    user_id: String,
    from_email: String,
}

#[derive(Debug, Deserialize)]
pub struct Incident {
    pub id: String,
    pub title: String,
    pub status: String,
    pub urgency: String,
    pub html_url: String,
}

#[derive(Deserialize)]
struct IncidentList {
    incidents: Vec<Incident>,
}

impl PagerDuty {
    pub fn from_env() -> Result<Self> {
        let http = Client::builder()
            .timeout(Duration::from_secs(8))
            .build()?;
        Ok(Self {
            http,
            token: std::env::var("PD_TOKEN").context("PD_TOKEN")?,
            user_id: std::env::var("PD_USER_ID").context("PD_USER_ID")?,
            from_email: std::env::var("PD_FROM_EMAIL").context("PD_FROM_EMAIL")?,
        })
    }

    pub fn my_open_incidents(&self) -> Result<Vec<Incident>> {
        let list: IncidentList = self
            .http
            .get("https://api.pagerduty.com/incidents")
            .header("Authorization", format!("Token token={}", self.token))
            .query(&[
                ("user_ids[]", self.user_id.as_str()),
                ("statuses[]", "triggered"),
                ("statuses[]", "acknowledged"),
            ])
            .send()?
            .error_for_status()?
            .json()?;
        Ok(list.incidents)
    }

    pub fn acknowledge(&self, incident_id: &str) -> Result<()> {
        self.http
            .put(format!("https://api.pagerduty.com/incidents/{incident_id}"))
            .header("Authorization", format!("Token token={}", self.token))
            .header("From", &self.from_email)
            .json(&json!({ "incident": { "type": "incident_reference", "status": "acknowledged" } }))
            .send()?
            .error_for_status()?;
        Ok(())
    }
}
