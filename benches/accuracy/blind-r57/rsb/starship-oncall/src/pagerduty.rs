//! PagerDuty REST API v2: who is on call for a schedule right now.
use std::env;

use anyhow::{Context, Result};
use serde::Deserialize;

#[derive(Deserialize)]
struct OncallsResponse {
    oncalls: Vec<Oncall>,
}

#[derive(Deserialize)]
struct Oncall {
    escalation_level: u32,
    user: UserRef,
}

#[derive(Deserialize)]
struct UserRef {
    summary: String,
}

pub fn current_oncall(http: &reqwest::blocking::Client, schedule: &str) -> Result<String> {
    let token = env::var("PD_API_TOKEN").context("PD_API_TOKEN not set")?;
    let resp: OncallsResponse = http
        .get("https://api.pagerduty.com/oncalls")
        .query(&[("schedule_ids[]", schedule), ("earliest", "true")])
        .header("Authorization", format!("Token token={token}"))
        .header("Accept", "application/vnd.pagerduty+json;version=2")
        .send()?
        .error_for_status()?
        .json()?;
    resp.oncalls
        .into_iter()
        .min_by_key(|o| o.escalation_level)
        .map(|o| o.user.summary)
        .context("schedule has nobody on call")
}
