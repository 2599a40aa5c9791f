use std::time::Duration;

use anyhow::Result;
use reqwest::blocking::Client;
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};
use serde::Deserialize;

use crate::Config;

#[derive(Debug, Deserialize)]
pub struct Incident {
    pub id: String,
    pub title: String,
    pub assignee: String,
    pub urgency: String,
}

#[derive(Deserialize)]
struct IncidentPage {
    incidents: Vec<Incident>,
}

pub fn client(cfg: &Config) -> Result<Client> {
    let mut headers = HeaderMap::new();
    let mut token = HeaderValue::from_str(&format!("Token token={}", cfg.pager_token))?;
    token.set_sensitive(true);
    headers.insert(AUTHORIZATION, token);
    let client = Client::builder()
        .default_headers(headers)
        .timeout(Duration::from_secs(5))
        .build()?;
    Ok(client)
}

pub fn list_open(http: &Client, cfg: &Config) -> Result<Vec<Incident>> {
    let page: IncidentPage = http
        .get(format!("{}/incidents", cfg.pager_api))
        .query(&[("team", cfg.team.as_str()), ("status", "triggered")])
        .send()?
        .error_for_status()?
        .json()?;
    Ok(page.incidents)
}

/// Used by the `watch` loop on every refresh.
pub fn open_incidents(cfg: &Config) -> Result<Vec<Incident>> {
    let http = client(cfg)?;
    list_open(&http, cfg)
}

pub fn acknowledge(http: &Client, cfg: &Config, id: &str) -> Result<()> {
    http.put(format!("{}/incidents/{}", cfg.pager_api, id))
        .json(&serde_json::json!({ "incident": { "status": "acknowledged", "from": cfg.user } }))
        .send()?
        .error_for_status()?;
    Ok(())
}
