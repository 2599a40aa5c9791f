use std::time::Duration;

use anyhow::{bail, Context, Result};
use redis::aio::ConnectionManager;
use scylla::prepared_statement::PreparedStatement;
use scylla::{Session, SessionBuilder};

use crate::tenants::TenantClients;

pub struct AppState {
    pub scylla: Session,
    pub insert_sample: PreparedStatement,
    pub redis: ConnectionManager,
    pub http: reqwest::Client,
    pub tenants: TenantClients,
}

impl AppState {
    /// Called once from main before any subsystem starts.
    pub async fn init() -> Result<Self> {
        let nodes = std::env::var("SCYLLA_NODES").unwrap_or_else(|_| "127.0.0.1:9042".into());

        // Scylla takes a while to accept CQL after the container starts.
        let mut attempt = 0u32;
        let scylla = loop {
            attempt += 1;
            match SessionBuilder::new()
                .known_nodes(nodes.split(','))
                .connection_timeout(Duration::from_secs(5))
                .build()
                .await
            {
                Ok(session) => break session,
                Err(e) if attempt < 20 => {
                    eprintln!("scylla not ready (attempt {attempt}): {e}");
                    tokio::time::sleep(Duration::from_secs(3)).await;
                }
                Err(e) => bail!("scylla unreachable: {e}"),
            }
        };
        let insert_sample = scylla
            .prepare(
                "INSERT INTO telemetry.samples (device_id, ts, metric, value) VALUES (?, ?, ?, ?)",
            )
            .await?;

        let redis_url = std::env::var("REDIS_URL").context("REDIS_URL must be set")?;
        let redis = ConnectionManager::new(redis::Client::open(redis_url)?).await?;

        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(15))
            .build()?;

        Ok(Self { scylla, insert_sample, redis, http, tenants: TenantClients::default() })
    }
}
