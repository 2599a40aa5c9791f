use deadpool_postgres::{Config, Pool, PoolConfig, Runtime};
use serde_json::json;
use tokio_postgres::NoTls;

pub struct AlarmStore {
    pool: Pool,
    webhook: String,
}

impl AlarmStore {
    pub fn new(url: &str) -> anyhow::Result<Self> {
        let mut cfg = Config::new();
        cfg.url = Some(url.to_owned());
        cfg.pool = Some(PoolConfig::new(4));
        let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
        let webhook = std::env::var("ALARM_WEBHOOK").unwrap_or_default();
        Ok(Self { pool, webhook })
    }

    pub async fn limit_for(&self, tag: &str) -> anyhow::Result<Option<f64>> {
        let client = self.pool.get().await?;
        let row = client
            .query_opt("SELECT high_limit FROM alarm_limits WHERE tag = $1", &[&tag])
            .await?;
        Ok(row.map(|r| r.get(0)))
    }
}

/// Records an alarm and pages the on-call channel.
pub async fn raise(store: &AlarmStore, tag: &str, value: f64, limit: f64) -> anyhow::Result<()> {
    let client = store.pool.get().await?;
    client
        .execute(
            "INSERT INTO alarm_events (tag, value, high_limit) VALUES ($1, $2, $3)",
            &[&tag, &value, &limit],
        )
        .await?;

    if !store.webhook.is_empty() {
        let http = reqwest::Client::new();
        http.post(&store.webhook)
            .json(&json!({ "text": format!("{tag} = {value:.1} (limit {limit:.1})") }))
            .send()
            .await?;
    }
    Ok(())
}
