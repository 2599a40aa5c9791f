use std::time::Duration;

use serde_json::json;

use crate::record::Exec;

pub fn send(webhook: &str, host: &str, ev: &Exec) -> Result<(), reqwest::Error> {
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;
    http.post(webhook)
        .json(&json!({
            "summary": format!("{}: auid {} ran {} as uid {}", host, ev.auid, ev.exe, ev.uid),
            "severity": if ev.key == "priv_exec" { "warning" } else { "info" },
            "source": "audisp-exec-watch",
            "custom_details": { "argv": ev.argv, "audit_serial": ev.serial, "key": ev.key },
        }))
        .send()?
        .error_for_status()?;
    Ok(())
}
