//! Transactional e-mail through the Postmark HTTP API, one shared client.

use std::sync::LazyLock;
use std::time::Duration;
use uuid::Uuid;

static POSTMARK: LazyLock<reqwest::Client> = LazyLock::new(|| {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("reqwest client")
});

pub async fn send_reminder(to: &str, invoice_id: Uuid, amount_cents: i64) -> anyhow::Result<()> {
    let token = std::env::var("POSTMARK_TOKEN")?;
    POSTMARK
        .post("https://api.postmarkapp.com/email/withTemplate")
        .header("X-Postmark-Server-Token", token)
        .json(&serde_json::json!({
            "From": "billing@example.com",
            "To": to,
            "TemplateAlias": "payment-reminder",
            "TemplateModel": {
                "invoice_id": invoice_id,
                "amount": format!("{:.2}", amount_cents as f64 / 100.0),
            },
        }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
