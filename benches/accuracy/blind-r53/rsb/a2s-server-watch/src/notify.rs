use std::time::Duration;

use reqwest::blocking::Client;
use serde_json::json;

use crate::Server;

/// Posts up/down notices to the community's #server-status channel.
pub struct Notifier {
    http: Client,
    webhook: String,
}

impl Notifier {
    pub fn new(webhook: &str) -> anyhow::Result<Self> {
        let http = Client::builder().timeout(Duration::from_secs(5)).build()?;
        Ok(Self { http, webhook: webhook.to_string() })
    }

    fn post(&self, content: String) -> anyhow::Result<()> {
        self.http
            .post(&self.webhook)
            .json(&json!({ "username": "server-watch", "content": content }))
            .send()?
            .error_for_status()?;
        Ok(())
    }

    pub fn went_down(&self, server: &Server, reason: &str) -> anyhow::Result<()> {
        self.post(format!(":red_circle: **{}** ({}) stopped answering: {reason}", server.slug, server.address))
    }

    pub fn back_up(&self, server: &Server, downtime: Duration) -> anyhow::Result<()> {
        let mins = downtime.as_secs() / 60;
        self.post(format!(":green_circle: **{}** is back after {mins} min", server.slug))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_notifier() {
        assert!(Notifier::new("https://discord.example/api/webhooks/1/abc").is_ok());
    }
}
