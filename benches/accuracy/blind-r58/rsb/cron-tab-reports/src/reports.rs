use rust_decimal::Decimal;
use serde_json::json;
use sqlx::PgPool;

/// Holds the shared handles; cloning is cheap (PgPool and reqwest::Client are Arcs inside).
#[derive(Clone)]
pub struct Reports {
    pool: PgPool,
    http: reqwest::Client,
    webhook: String,
}

impl Reports {
    pub fn new(pool: PgPool, http: reqwest::Client, webhook: String) -> Self {
        Self { pool, http, webhook }
    }

    async fn post(&self, text: String) -> anyhow::Result<()> {
        self.http
            .post(&self.webhook)
            .json(&json!({ "text": text }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }

    pub async fn daily_sales(&self) -> anyhow::Result<()> {
        let (orders, revenue): (i64, Option<Decimal>) = sqlx::query_as(
            "SELECT count(*), sum(total) FROM orders \
             WHERE paid_at >= date_trunc('day', now() - interval '1 day') \
               AND paid_at < date_trunc('day', now())",
        )
        .fetch_one(&self.pool)
        .await?;
        let revenue = revenue.unwrap_or_default().round_dp(2);
        self.post(format!("Yesterday: {orders} orders, €{revenue} revenue")).await
    }

    pub async fn stuck_shipments(&self) -> anyhow::Result<()> {
        let rows: Vec<(String, i32)> = sqlx::query_as(
            "SELECT carrier, count(*)::int FROM shipments \
             WHERE status = 'label_created' AND created_at < now() - interval '48 hours' \
             GROUP BY carrier ORDER BY 2 DESC",
        )
        .fetch_all(&self.pool)
        .await?;
        if rows.is_empty() {
            return Ok(());
        }
        let lines: Vec<String> = rows.iter().map(|(c, n)| format!("• {c}: {n}")).collect();
        self.post(format!("Shipments stuck > 48h:\n{}", lines.join("\n"))).await
    }

    pub async fn refresh_rollups(&self) -> anyhow::Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("REFRESH MATERIALIZED VIEW CONCURRENTLY sales_by_region")
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE rollup_status SET refreshed_at = now() WHERE name = 'sales_by_region'")
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
