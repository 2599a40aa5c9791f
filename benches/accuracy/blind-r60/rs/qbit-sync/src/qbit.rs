//! qBittorrent WebUI API v2 client. The session cookie (SID) lives in the
//! reqwest cookie store; when qBittorrent restarts and forgets the session we
//! get 403 and simply log in again on the same client.

use reqwest::StatusCode;
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::time::Duration;

#[derive(Debug, Default, Deserialize)]
pub struct MainData {
    pub rid: i64,
    #[serde(default)]
    pub full_update: bool,
    #[serde(default)]
    pub torrents: HashMap<String, Map<String, Value>>,
    #[serde(default)]
    pub torrents_removed: Vec<String>,
}

pub struct WebUi {
    http: reqwest::Client,
    base: String,
    user: String,
    pass: String,
    rid: i64,
    logged_in: bool,
}

impl WebUi {
    pub fn new(base: String, user: String, pass: String) -> reqwest::Result<Self> {
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .timeout(Duration::from_secs(10))
            .build()?;
        Ok(Self { http, base, user, pass, rid: 0, logged_in: false })
    }

    async fn login(&mut self) -> anyhow::Result<()> {
        let body = self
            .http
            .post(format!("{}/api/v2/auth/login", self.base))
            .header("Referer", &self.base)
            .form(&[("username", self.user.as_str()), ("password", self.pass.as_str())])
            .send()
            .await?
            .error_for_status()?
            .text()
            .await?;
        if body.trim() != "Ok." {
            anyhow::bail!("qBittorrent rejected the credentials");
        }
        self.logged_in = true;
        self.rid = 0; // a new session starts with a full update
        Ok(())
    }

    pub async fn maindata(&mut self) -> anyhow::Result<MainData> {
        for _attempt in 0..2 {
            if !self.logged_in {
                self.login().await?;
            }
            let resp = self
                .http
                .get(format!("{}/api/v2/sync/maindata", self.base))
                .query(&[("rid", self.rid)])
                .send()
                .await?;
            if resp.status() == StatusCode::FORBIDDEN {
                tracing::info!("qBittorrent session expired, logging in again");
                self.logged_in = false;
                continue;
            }
            let data: MainData = resp.error_for_status()?.json().await?;
            self.rid = data.rid;
            return Ok(data);
        }
        anyhow::bail!("still forbidden after re-login")
    }
}
