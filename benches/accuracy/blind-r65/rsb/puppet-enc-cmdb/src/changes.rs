use std::time::Duration;

use serde::Deserialize;

/// Change-management API: is the node inside an approved change window?
pub struct ChangeApi {
    http: reqwest::blocking::Client,
    base: String,
}

#[derive(Deserialize)]
struct Window {
    frozen: bool,
    change_id: Option<String>,
}

impl ChangeApi {
    pub fn new(base: String, token: &str) -> reqwest::Result<Self> {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(
            reqwest::header::AUTHORIZATION,
            format!("Bearer {token}").parse().expect("token is ascii"),
        );
        let http = reqwest::blocking::Client::builder()
            .default_headers(headers)
            .timeout(Duration::from_secs(3))
            .build()?;
        Ok(Self { http, base })
    }

    /// (frozen, change id)
    pub fn window(&self, certname: &str) -> (bool, Option<String>) {
        let url = format!("{}/v2/nodes/{}/window", self.base, certname);
        match self.http.get(url).send().and_then(|r| r.error_for_status()).and_then(|r| r.json::<Window>()) {
            Ok(w) => (w.frozen, w.change_id),
            // Fail open for the freeze flag: a broken change API must not stop config management.
            Err(e) => {
                eprintln!("cmdb-enc: change window lookup failed: {e}");
                (false, None)
            }
        }
    }
}
