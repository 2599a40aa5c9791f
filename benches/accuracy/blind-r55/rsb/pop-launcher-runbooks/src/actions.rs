//! What happens when a runbook result is activated: open it in the browser and, if the
//! service has an open incident, acknowledge the page on behalf of the on-call engineer.

use std::process::Command;
use std::time::Duration;

use serde::Serialize;

use crate::runbooks::Runbook;

#[derive(Serialize)]
struct Ack<'a> {
    incident: &'a str,
    by: String,
    via: &'static str,
}

fn oncall_api() -> String {
    std::env::var("ONCALL_API").unwrap_or_else(|_| "https://oncall.internal/api/v2".into())
}

pub async fn open_and_ack(rb: &Runbook) -> Result<(), Box<dyn std::error::Error>> {
    Command::new("xdg-open").arg(&rb.url).spawn()?;

    let Some(incident) = rb.open_incident.as_deref() else {
        return Ok(());
    };

    let token = std::env::var("ONCALL_TOKEN")?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(4))
        .build()?;

    let ack = Ack {
        incident,
        by: std::env::var("USER").unwrap_or_default(),
        via: "pop-launcher",
    };
    http.post(format!("{}/incidents/{incident}/acknowledge", oncall_api()))
        .bearer_auth(token)
        .json(&ack)
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
