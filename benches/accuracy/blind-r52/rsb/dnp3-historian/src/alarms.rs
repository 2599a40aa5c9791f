use std::sync::Arc;
use std::time::{Duration, SystemTime};

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use serde_json::json;
use tokio_postgres::NoTls;

#[derive(Debug, Clone)]
pub struct StateChange {
    pub tag: String,
    pub active: bool,
    pub critical: bool,
    pub ts: SystemTime,
}

pub struct AlarmSink {
    pool: Pool,
    pager_url: String,
}

impl AlarmSink {
    pub async fn connect(database_url: &str, pager_url: String) -> anyhow::Result<Arc<Self>> {
        let pg_config: tokio_postgres::Config = database_url.parse()?;
        let manager = Manager::from_config(
            pg_config,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Verified,
            },
        );
        let pool = Pool::builder(manager).max_size(4).build()?;
        Ok(Arc::new(Self { pool, pager_url }))
    }

    /// Runs at the end of every response fragment that carried binary changes.
    pub async fn process(&self, outstation: &str, changes: Vec<StateChange>) -> anyhow::Result<()> {
        if changes.is_empty() {
            return Ok(());
        }

        let client = self.pool.get().await?;
        for c in &changes {
            client
                .execute(
                    "INSERT INTO alarm_events (outstation, tag, active, ts) VALUES ($1, $2, $3, $4)",
                    &[&outstation, &c.tag, &c.active, &c.ts],
                )
                .await?;
        }

        let critical: Vec<&StateChange> =
            changes.iter().filter(|c| c.critical && c.active).collect();
        if critical.is_empty() {
            return Ok(());
        }

        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()?;
        let tags: Vec<&str> = critical.iter().map(|c| c.tag.as_str()).collect();
        http.post(&self.pager_url)
            .json(&json!({
                "severity": "critical",
                "source": outstation,
                "summary": format!("{} critical alarm(s) at {}", tags.len(), outstation),
                "tags": tags,
            }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
