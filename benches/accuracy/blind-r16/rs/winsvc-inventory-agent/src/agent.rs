use std::time::Duration;

use serde::Serialize;
use sqlx::SqlitePool;
use sysinfo::System;

use crate::outbox;

#[derive(Serialize)]
struct Snapshot {
    host: String,
    os: String,
    total_memory: u64,
    process_count: usize,
}

pub struct Agent {
    spool: SqlitePool,
    http: reqwest::Client,
    endpoint: String,
    token: String,
    sys: System,
}

impl Agent {
    /// Built once per service start.
    pub async fn start(spool_path: &str, endpoint: String) -> Result<Agent, Box<dyn std::error::Error>> {
        let spool = outbox::open(spool_path).await?;
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .user_agent(concat!("inventory-agent/", env!("CARGO_PKG_VERSION")))
            .build()?;

        // Enrol with the inventory API; it may not be reachable right after boot.
        let mut delay = Duration::from_secs(5);
        let token = loop {
            let res = http
                .post(format!("{endpoint}/v1/enrol"))
                .json(&serde_json::json!({ "host": System::host_name() }))
                .send()
                .await
                .and_then(|r| r.error_for_status());
            match res {
                Ok(resp) => break resp.text().await?,
                Err(e) => {
                    log::warn!("enrol failed, retrying in {delay:?}: {e}");
                    tokio::time::sleep(delay).await;
                    delay = (delay * 2).min(Duration::from_secs(300));
                }
            }
        };

        Ok(Agent { spool, http, endpoint, token, sys: System::new_all() })
    }

    pub async fn tick(&mut self) -> Result<(), Box<dyn std::error::Error>> {
        self.sys.refresh_all();
        let snap = Snapshot {
            host: System::host_name().unwrap_or_default(),
            os: System::long_os_version().unwrap_or_default(),
            total_memory: self.sys.total_memory(),
            process_count: self.sys.processes().len(),
        };
        outbox::push(&self.spool, &serde_json::to_string(&snap)?).await?;
        self.flush().await
    }

    async fn flush(&self) -> Result<(), Box<dyn std::error::Error>> {
        let batch = outbox::oldest(&self.spool, 50).await?;
        let Some((last_id, _)) = batch.last().cloned() else { return Ok(()) };
        let bodies: Vec<serde_json::Value> =
            batch.iter().filter_map(|(_, b)| serde_json::from_str(b).ok()).collect();
        self.http
            .post(format!("{}/v1/snapshots", self.endpoint))
            .bearer_auth(&self.token)
            .json(&bodies)
            .send()
            .await?
            .error_for_status()?;
        outbox::ack(&self.spool, last_id).await?;
        Ok(())
    }
}
