use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::{ledger, notify, Ctx};

#[derive(Deserialize)]
struct Settlement {
    id: String,
    merchant_id: i64,
    amount_minor: i64,
    fee_minor: i64,
    currency: String,
    settled_at: DateTime<Utc>,
    #[serde(default)]
    chargeback: bool,
}

#[derive(Deserialize)]
struct FxRates {
    rates: std::collections::HashMap<String, f64>,
}

/// Called once per stream delivery.
pub async fn on_settlement(ctx: &Ctx, body: &[u8]) -> anyhow::Result<()> {
    let s: Settlement = serde_json::from_slice(body)?;

    let amount_eur = if s.currency == "EUR" {
        s.amount_minor
    } else {
        let http = reqwest::Client::builder().timeout(Duration::from_secs(3)).build()?;
        let fx: FxRates = http
            .get(format!("{}/latest", ctx.fx_api))
            .query(&[("base", s.currency.as_str()), ("symbols", "EUR")])
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        let rate = fx.rates.get("EUR").copied().unwrap_or(1.0);
        (s.amount_minor as f64 * rate).round() as i64
    };

    {
        let conn = ctx.pool.get().await?;
        conn.execute(
            "INSERT INTO settlements (id, merchant_id, amount_minor, amount_eur_minor, currency, settled_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
            &[&s.id, &s.merchant_id, &s.amount_minor, &amount_eur, &s.currency, &s.settled_at],
        )
        .await?;
    }

    ledger::post_entries(&s.id, s.merchant_id, amount_eur, s.fee_minor).await?;

    if s.chargeback {
        let sns = notify::sns_client().await;
        sns.publish()
            .topic_arn(&ctx.alert_topic_arn)
            .subject("Chargeback settled")
            .message(format!("merchant {} chargeback {} ({} {})", s.merchant_id, s.id, s.amount_minor, s.currency))
            .send()
            .await?;
    }
    Ok(())
}
