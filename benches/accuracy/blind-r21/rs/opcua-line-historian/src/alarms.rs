use std::collections::HashMap;

use deadpool_postgres::{Config, ManagerConfig, Object, Pool, PoolConfig, RecyclingMethod, Runtime};
use tokio::sync::Mutex;
use tokio_postgres::NoTls;

/// (low, high) operating window per tag.
fn limits(tag: &str) -> Option<(f64, f64)> {
    match tag.rsplit(';').next().unwrap_or(tag).trim_start_matches("s=") {
        "Line1.Filler.Temperature" => Some((2.0, 8.0)),
        "Line1.Capper.Torque" => Some((1.2, 2.8)),
        "Line1.Conveyor.Current" => Some((0.0, 14.5)),
        _ => None,
    }
}

pub struct AlarmTracker {
    pool: Pool,
    pager_url: String,
    /// Open alarm episodes: the row is inserted when the alarm is raised and the
    /// transaction is committed with the duration once the tag is back in range.
    active: Mutex<HashMap<String, Object>>,
}

impl AlarmTracker {
    pub fn new(pg_url: &str, pager_url: String) -> anyhow::Result<Self> {
        let mut cfg = Config::new();
        cfg.url = Some(pg_url.to_string());
        cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Verified });
        cfg.pool = Some(PoolConfig::new(4));
        let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
        Ok(Self { pool, pager_url, active: Mutex::new(HashMap::new()) })
    }

    pub async fn evaluate(&self, tag: &str, value: f64) -> anyhow::Result<()> {
        let Some((low, high)) = limits(tag) else { return Ok(()) };
        let out_of_range = value < low || value > high;
        let mut active = self.active.lock().await;

        if out_of_range && !active.contains_key(tag) {
            let client = self.pool.get().await?;
            client.batch_execute("BEGIN").await?;
            client
                .execute(
                    "INSERT INTO line_alarms (tag, raised_value, raised_at) VALUES ($1, $2, now())",
                    &[&tag, &value],
                )
                .await?;
            active.insert(tag.to_string(), client);
            drop(active);
            self.page(tag, value, low, high).await?;
        } else if !out_of_range {
            if let Some(client) = active.remove(tag) {
                client
                    .execute(
                        "UPDATE line_alarms SET cleared_at = now(), cleared_value = $2 \
                         WHERE tag = $1 AND cleared_at IS NULL",
                        &[&tag, &value],
                    )
                    .await?;
                client.batch_execute("COMMIT").await?;
            }
        }
        Ok(())
    }

    async fn page(&self, tag: &str, value: f64, low: f64, high: f64) -> anyhow::Result<()> {
        let http = reqwest::Client::new();
        http.post(&self.pager_url)
            .json(&serde_json::json!({
                "routing_key": "packaging-line-1",
                "event_action": "trigger",
                "payload": {
                    "summary": format!("{tag} out of range: {value:.2} (allowed {low}..{high})"),
                    "severity": "warning",
                    "source": "opcua-line-historian",
                }
            }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
