use anyhow::Result;

/// Thin wrapper over the transactional-mail HTTP API; built once in main.
pub struct Mailer {
    http: reqwest::Client,
    url: String,
    api_key: String,
}

impl Mailer {
    pub fn new(http: reqwest::Client, url: String, api_key: String) -> Self {
        Mailer { http, url, api_key }
    }

    pub async fn send(&self, to: &str, subject: &str, html: &str) -> Result<()> {
        self.http
            .post(format!("{}/v3/mail/send", self.url))
            .bearer_auth(&self.api_key)
            .json(&serde_json::json!({ "to": to, "subject": subject, "html": html }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
