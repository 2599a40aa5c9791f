use std::time::Duration;

use reqwest::blocking::Client;
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};
use serde::Deserialize;

const BASE: &str = "https://expenses.corp.example.com/api/v2";

#[derive(Deserialize, Clone)]
pub struct Pending {
    pub id: i64,
    pub submitter: String,
    pub amount: f64,
}

/// Thin wrapper over one pooled HTTP client, created once at start-up.
pub struct ApprovalsApi {
    http: Client,
}

impl ApprovalsApi {
    pub fn new(token: String) -> reqwest::Result<Self> {
        let mut headers = HeaderMap::new();
        let mut auth = HeaderValue::from_str(&format!("Bearer {token}")).expect("token is ascii");
        auth.set_sensitive(true);
        headers.insert(AUTHORIZATION, auth);
        let http = Client::builder()
            .default_headers(headers)
            .timeout(Duration::from_secs(15))
            .build()?;
        Ok(ApprovalsApi { http })
    }

    pub fn pending(&self) -> reqwest::Result<Vec<Pending>> {
        self.http.get(format!("{BASE}/approvals?state=pending")).send()?.error_for_status()?.json()
    }

    pub fn approve(&self, id: i64) -> reqwest::Result<()> {
        self.http.post(format!("{BASE}/approvals/{id}/approve")).send()?.error_for_status()?;
        Ok(())
    }
}
