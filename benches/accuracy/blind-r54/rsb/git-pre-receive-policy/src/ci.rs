use std::time::Duration;

use anyhow::Result;
use reqwest::Client;
use serde::Deserialize;

#[derive(Deserialize)]
struct Status {
    state: String,
}

pub fn client() -> Result<Client> {
    Ok(Client::builder().timeout(Duration::from_secs(8)).build()?)
}

/// True if the build server has a green pipeline for `sha`.
pub async fn is_green(http: &Client, base: &str, repo: &str, sha: &str) -> Result<bool> {
    let resp = http
        .get(format!("{}/api/repos/{}/commits/{}/status", base, repo, sha))
        .send()
        .await?;
    if resp.status() == reqwest::StatusCode::NOT_FOUND {
        return Ok(false);
    }
    let status: Status = resp.error_for_status()?.json().await?;
    Ok(status.state == "success")
}

pub fn is_fast_forward(old: &str, new: &str) -> bool {
    if old.chars().all(|c| c == '0') {
        return true; // new branch
    }
    std::process::Command::new("git")
        .args(["merge-base", "--is-ancestor", old, new])
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}
