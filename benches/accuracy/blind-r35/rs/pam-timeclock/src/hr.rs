use std::time::Duration;

use reqwest::blocking::Client;
use serde_json::json;

const HR_API: &str = "https://hr.internal/api/v2/timeclock";

fn client() -> Client {
    Client::builder()
        .timeout(Duration::from_secs(4))
        .user_agent("pam_timeclock/1.2")
        .build()
        .expect("tls backend")
}

pub fn clock_in(user: &str, terminal: &str) -> Result<(), reqwest::Error> {
    let http = client();
    http.post(format!("{HR_API}/punches"))
        .json(&json!({ "login": user, "terminal": terminal, "direction": "in" }))
        .send()?
        .error_for_status()?;
    Ok(())
}

pub fn clock_out(user: &str, terminal: &str) -> Result<(), reqwest::Error> {
    let http = client();
    http.post(format!("{HR_API}/punches"))
        .json(&json!({ "login": user, "terminal": terminal, "direction": "out" }))
        .send()?
        .error_for_status()?;
    Ok(())
}
