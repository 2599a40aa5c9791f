use std::time::Duration;

use anyhow::Context;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone)]
pub struct ClusterToken {
    pub access_token: String,
    /// RFC 3339, as kubectl expects in status.expirationTimestamp.
    pub expires_at: String,
}

pub fn client() -> reqwest::Result<reqwest::blocking::Client> {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(15))
        .user_agent(concat!("kube-sso-token/", env!("CARGO_PKG_VERSION")))
        .build()
}

/// Refresh-token grant scoped to the cluster's API server audience.
pub fn exchange(http: &reqwest::blocking::Client, cluster: &str) -> anyhow::Result<ClusterToken> {
    let token_url = std::env::var("SSO_TOKEN_URL").context("SSO_TOKEN_URL")?;
    let refresh_path = dirs::config_dir()
        .context("no config dir")?
        .join("kube-sso/refresh_token");
    let refresh_token = std::fs::read_to_string(&refresh_path)
        .with_context(|| format!("run `kube-sso login` first ({} missing)", refresh_path.display()))?;

    let token = http
        .post(token_url)
        .form(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token.trim()),
            ("audience", cluster),
        ])
        .send()?
        .error_for_status()?
        .json::<ClusterToken>()?;
    Ok(token)
}
