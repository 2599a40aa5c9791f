use anyhow::Context;
use reqwest::blocking::Client;
use serde::Serialize;

#[derive(Serialize)]
struct RestartRequest<'a> {
    service: &'a str,
    strategy: &'a str,
}

#[derive(Serialize)]
struct AckRequest<'a> {
    incident_id: i64,
    operator: &'a str,
}

/// Rolling restart through the deploy API.
pub fn restart_service(api: &Client, base: &str, service: &str) -> anyhow::Result<()> {
    api.post(format!("{base}/v1/services/{service}/restart"))
        .json(&RestartRequest {
            service,
            strategy: "rolling",
        })
        .send()
        .context("deploy api unreachable")?
        .error_for_status()
        .context("deploy api refused restart")?;
    Ok(())
}

pub fn acknowledge(api: &Client, base: &str, incident_id: i64, operator: &str) -> anyhow::Result<()> {
    api.post(format!("{base}/v1/incidents/{incident_id}/ack"))
        .json(&AckRequest {
            incident_id,
            operator,
        })
        .send()
        .context("incident api unreachable")?
        .error_for_status()
        .context("incident api refused ack")?;
    Ok(())
}
