use std::sync::Arc;
use std::time::Instant;

use nacos_sdk::api::config::{ConfigChangeListener, ConfigResponse};
use nacos_sdk::api::naming::{NamingChangeEvent, NamingEventListener};
use sqlx::PgPool;
use tokio::runtime::Handle;

use crate::{audit, probe};

/// Receives every published revision of `edge-routes.json`.
pub struct RouteTableListener {
    rt: Handle,
    database_url: String,
}

impl RouteTableListener {
    pub fn new(rt: Handle, database_url: String) -> Self {
        Self { rt, database_url }
    }
}

impl ConfigChangeListener for RouteTableListener {
    fn notify(&self, config_resp: ConfigResponse) {
        let database_url = self.database_url.clone();
        let data_id = config_resp.data_id().clone();
        let content = config_resp.content().clone();
        self.rt.spawn(async move {
            if let Err(err) = audit::record_route_change(&database_url, &data_id, &content).await {
                tracing::error!(%data_id, error = %err, "route table change not recorded");
            }
        });
    }
}

/// Receives the full instance list whenever an upstream service scales or flaps.
pub struct UpstreamListener {
    rt: Handle,
    pool: PgPool,
}

impl UpstreamListener {
    pub fn new(rt: Handle, pool: PgPool) -> Self {
        Self { rt, pool }
    }
}

impl NamingEventListener for UpstreamListener {
    fn event(&self, event: Arc<NamingChangeEvent>) {
        let pool = self.pool.clone();
        self.rt.spawn(async move {
            if let Err(err) = refresh_upstream(&pool, &event).await {
                tracing::error!(service = %event.service_name, error = %err, "upstream refresh failed");
            }
        });
    }
}

async fn refresh_upstream(pool: &PgPool, event: &NamingChangeEvent) -> anyhow::Result<()> {
    let instances = event.instances.clone().unwrap_or_default();
    let http = probe::client();

    let mut tx = pool.begin().await?;
    sqlx::query("UPDATE upstream_targets SET active = false WHERE service = $1")
        .bind(&event.service_name)
        .execute(&mut *tx)
        .await?;

    for inst in instances.iter().filter(|i| i.enabled) {
        let started = Instant::now();
        let healthy = http
            .get(format!("http://{}:{}/healthz", inst.ip, inst.port))
            .send()
            .await
            .map(|r| r.status().is_success())
            .unwrap_or(false);

        sqlx::query(
            "INSERT INTO upstream_targets (service, ip, port, weight, healthy, probe_ms, active) \
             VALUES ($1, $2, $3, $4, $5, $6, true) \
             ON CONFLICT (service, ip, port) DO UPDATE SET weight = EXCLUDED.weight, \
             healthy = EXCLUDED.healthy, probe_ms = EXCLUDED.probe_ms, active = true",
        )
        .bind(&event.service_name)
        .bind(&inst.ip)
        .bind(inst.port)
        .bind(inst.weight)
        .bind(healthy && inst.healthy)
        .bind(started.elapsed().as_millis() as i64)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
