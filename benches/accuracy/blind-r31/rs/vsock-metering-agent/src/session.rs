//! One `GuestSession` per microVM connection. It only holds clones of the
//! shared pool and HTTP client built in `main`.

use serde::Deserialize;
use sqlx::PgPool;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio_vsock::VsockStream;

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum GuestMessage {
    Usage { tenant: String, cpu_ms: i64, rx_bytes: i64, tx_bytes: i64 },
    QuotaCheck { tenant: String },
}

#[derive(Clone)]
pub struct GuestSession {
    pub cid: u32,
    pub pool: PgPool,
    pub http: reqwest::Client,
    pub billing_url: String,
}

impl GuestSession {
    pub async fn run(self, stream: VsockStream) -> anyhow::Result<()> {
        let (reader, mut writer) = tokio::io::split(stream);
        let mut lines = BufReader::new(reader).lines();
        while let Some(line) = lines.next_line().await? {
            let reply = match serde_json::from_str::<GuestMessage>(&line) {
                Ok(GuestMessage::Usage { tenant, cpu_ms, rx_bytes, tx_bytes }) => {
                    self.record_usage(&tenant, cpu_ms, rx_bytes, tx_bytes).await?;
                    "ok".to_string()
                }
                Ok(GuestMessage::QuotaCheck { tenant }) => self.quota(&tenant).await?.to_string(),
                Err(e) => format!("error: {e}"),
            };
            writer.write_all(reply.as_bytes()).await?;
            writer.write_all(b"\n").await?;
        }
        Ok(())
    }

    async fn record_usage(&self, tenant: &str, cpu_ms: i64, rx: i64, tx_bytes: i64) -> anyhow::Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("INSERT INTO usage_samples (cid, tenant, cpu_ms, rx_bytes, tx_bytes) VALUES ($1, $2, $3, $4, $5)")
            .bind(self.cid as i64)
            .bind(tenant)
            .bind(cpu_ms)
            .bind(rx)
            .bind(tx_bytes)
            .execute(&mut *tx)
            .await?;
        let total: i64 = sqlx::query_scalar(
            "UPDATE tenant_usage SET cpu_ms = cpu_ms + $2 WHERE tenant = $1 RETURNING cpu_ms",
        )
        .bind(tenant)
        .bind(cpu_ms)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;

        if total > 3_600_000 {
            let body = serde_json::json!({ "tenant": tenant, "cpu_ms": total });
            self.http.post(&self.billing_url).json(&body).send().await?.error_for_status()?;
        }
        Ok(())
    }

    async fn quota(&self, tenant: &str) -> anyhow::Result<i64> {
        let mut conn = self.pool.acquire().await?;
        let remaining: Option<i64> =
            sqlx::query_scalar("SELECT quota_ms - cpu_ms FROM tenant_usage WHERE tenant = $1")
                .bind(tenant)
                .fetch_optional(&mut *conn)
                .await?;
        Ok(remaining.unwrap_or(0))
    }
}
