//! AC adapter, battery and power-button events.

use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

use crate::AcpiEvent;

pub struct PowerLog {
    pool: PgPool,
    host: String,
}

impl PowerLog {
    pub async fn connect(url: &str, host: &str) -> anyhow::Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(2)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await?;
        Ok(PowerLog { pool, host: host.to_string() })
    }

    pub async fn record(&self, ev: &AcpiEvent) -> anyhow::Result<()> {
        let on_ac = match ev.class.as_str() {
            "ac_adapter" => Some(ev.args.get(1).map(|s| s.ends_with('1')).unwrap_or(false)),
            _ => None,
        };
        sqlx::query(
            "INSERT INTO power_events (host, class, device, on_ac, seen_at) VALUES ($1, $2, $3, $4, now())",
        )
        .bind(&self.host)
        .bind(&ev.class)
        .bind(&ev.device)
        .bind(on_ac)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Marks the laptop as alive once a minute so the fleet dashboard can spot dead agents.
    pub fn spawn_heartbeat(&self) {
        let pool = self.pool.clone();
        let host = self.host.clone();
        tokio::spawn(async move {
            let mut conn = match pool.acquire().await {
                Ok(c) => c,
                Err(e) => {
                    tracing::error!("heartbeat disabled: {e}");
                    return;
                }
            };
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                let res = sqlx::query(
                    "INSERT INTO agent_heartbeat (host, last_seen) VALUES ($1, now()) \
                     ON CONFLICT (host) DO UPDATE SET last_seen = excluded.last_seen",
                )
                .bind(&host)
                .execute(&mut *conn)
                .await;
                if let Err(e) = res {
                    tracing::warn!("heartbeat failed: {e}");
                }
            }
        });
    }
}
