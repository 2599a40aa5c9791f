use anyhow::Result;
use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::Postgres;

pub struct Alerts {
    _pool: PgPool,
    conn: PoolConnection<Postgres>,
    http: reqwest::Client,
    ntfy_topic: String,
}

impl Alerts {
    pub async fn connect(database_url: &str, http: reqwest::Client, ntfy_topic: String) -> Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(2)
            .connect(database_url)
            .await?;
        let conn = pool.acquire().await?;
        Ok(Alerts { _pool: pool, conn, http, ntfy_topic })
    }

    /// Pages once per onion address per hour when descriptor uploads keep failing.
    pub async fn upload_failed(&mut self, onion: &str, reason: &str) -> Result<()> {
        let fresh: bool = sqlx::query_scalar(
            "INSERT INTO onion_alerts (onion_address, reason, raised_at) VALUES ($1, $2, now())
             ON CONFLICT (onion_address) DO UPDATE SET reason = EXCLUDED.reason, raised_at = now()
             WHERE onion_alerts.raised_at < now() - interval '1 hour'
             RETURNING true",
        )
        .bind(onion)
        .bind(reason)
        .fetch_optional(&mut *self.conn)
        .await?
        .unwrap_or(false);

        if fresh {
            self.http
                .post(format!("https://ntfy.sh/{}", self.ntfy_topic))
                .header("Title", "onion descriptor upload failing")
                .body(format!("{onion}.onion: {reason}"))
                .send()
                .await?;
        }
        Ok(())
    }
}
