use std::time::Duration;

use anyhow::{Context, Result};

pub struct Billing {
    agent: ureq::Agent,
    base: String,
    token: String,
}

impl Billing {
    pub fn from_env() -> Result<Self> {
        Ok(Self {
            agent: ureq::AgentBuilder::new().timeout(Duration::from_secs(10)).build(),
            base: std::env::var("BILLING_API_URL").context("BILLING_API_URL")?,
            token: std::env::var("BILLING_API_TOKEN").context("BILLING_API_TOKEN")?,
        })
    }

    pub fn resend_invoice(&self, invoice_id: i64, requested_by: &str) -> Result<()> {
        self.agent
            .post(&format!("{}/v1/invoices/{invoice_id}/resend", self.base))
            .set("Authorization", &format!("Bearer {}", self.token))
            .send_json(serde_json::json!({ "requested_by": requested_by }))?;
        Ok(())
    }

    pub fn refund_status(&self, refund_id: &str) -> Result<String> {
        let body: serde_json::Value = self
            .agent
            .get(&format!("{}/v1/refunds/{refund_id}", self.base))
            .set("Authorization", &format!("Bearer {}", self.token))
            .call()?
            .into_json()?;
        Ok(body["status"].as_str().unwrap_or("unknown").to_string())
    }
}
