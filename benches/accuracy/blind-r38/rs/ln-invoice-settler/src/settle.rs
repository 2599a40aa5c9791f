use deadpool_postgres::Pool;
use ldk_node::Event;
use serde_json::json;

pub struct Settler {
    pool: Pool,
    http: reqwest::Client,
    signing_secret: String,
}

impl Settler {
    pub fn new(pool: Pool, http: reqwest::Client, signing_secret: String) -> Self {
        Self { pool, http, signing_secret }
    }

    pub async fn handle(&self, event: &Event) -> anyhow::Result<()> {
        match event {
            Event::PaymentReceived { payment_hash, amount_msat, .. } => {
                self.settle(hex::encode(payment_hash.0), *amount_msat).await
            }
            Event::ChannelReady { channel_id, counterparty_node_id, .. } => {
                let client = self.pool.get().await?;
                client
                    .execute(
                        "INSERT INTO channels (channel_id, counterparty, state, updated_at) \
                         VALUES ($1, $2, 'ready', now()) \
                         ON CONFLICT (channel_id) DO UPDATE SET state = 'ready', updated_at = now()",
                        &[&hex::encode(channel_id.0), &counterparty_node_id.map(|pk| pk.to_string())],
                    )
                    .await?;
                Ok(())
            }
            Event::ChannelClosed { channel_id, .. } => {
                let client = self.pool.get().await?;
                client
                    .execute(
                        "UPDATE channels SET state = 'closed', updated_at = now() WHERE channel_id = $1",
                        &[&hex::encode(channel_id.0)],
                    )
                    .await?;
                Ok(())
            }
            _ => Ok(()),
        }
    }

    async fn settle(&self, payment_hash: String, amount_msat: u64) -> anyhow::Result<()> {
        let amount = amount_msat as i64;
        let mut client = self.pool.get().await?;
        let tx = client.transaction().await?;
        let invoice = tx
            .query_opt(
                "UPDATE invoices SET status = 'paid', paid_msat = $2, paid_at = now() \
                 WHERE payment_hash = $1 AND status = 'open' \
                 RETURNING id, merchant_id, webhook_url",
                &[&payment_hash, &amount],
            )
            .await?;

        let Some(row) = invoice else {
            tx.rollback().await?;
            tracing::info!(%payment_hash, "payment for unknown or already settled invoice");
            return Ok(());
        };
        let invoice_id: i64 = row.get("id");
        let merchant_id: i64 = row.get("merchant_id");
        let webhook_url: Option<String> = row.get("webhook_url");

        tx.execute(
            "INSERT INTO ledger_entries (merchant_id, invoice_id, amount_msat, kind) VALUES ($1, $2, $3, 'credit')",
            &[&merchant_id, &invoice_id, &amount],
        )
        .await?;
        tx.commit().await?;

        if let Some(url) = webhook_url {
            let delivered = self
                .http
                .post(&url)
                .header("x-settler-secret", &self.signing_secret)
                .json(&json!({ "invoice_id": invoice_id, "amount_msat": amount_msat, "status": "paid" }))
                .send()
                .await
                .and_then(|r| r.error_for_status());
            if let Err(err) = delivered {
                client
                    .execute(
                        "INSERT INTO webhook_retries (invoice_id, url, last_error) VALUES ($1, $2, $3)",
                        &[&invoice_id, &url, &err.to_string()],
                    )
                    .await?;
            }
        }
        Ok(())
    }
}
