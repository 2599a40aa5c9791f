use std::collections::HashMap;

use act_zero::runtimes::tokio::spawn_actor;
use act_zero::*;
use async_trait::async_trait;
use deadpool_postgres::Pool;
use serde::Deserialize;
use serde_json::json;

#[derive(Debug, Clone, Deserialize)]
pub struct UsageEvent {
    pub tenant: String,
    pub metric: String,
    pub units: i64,
}

/// Accumulates one tenant's usage between flushes.
pub struct TenantMeter {
    tenant: String,
    pool: Pool,
    http: reqwest::Client,
    pending: HashMap<String, i64>,
}

#[async_trait]
impl Actor for TenantMeter {
    async fn started(&mut self, _addr: Addr<Self>) -> ActorResult<()> {
        log::info!("meter started for tenant {}", self.tenant);
        Produces::ok(())
    }
}

impl TenantMeter {
    pub fn new(tenant: String, pool: Pool, http: reqwest::Client) -> Self {
        TenantMeter { tenant, pool, http, pending: HashMap::new() }
    }

    pub async fn add(&mut self, metric: String, units: i64) -> ActorResult<()> {
        *self.pending.entry(metric).or_default() += units;
        Produces::ok(())
    }

    pub async fn flush(&mut self) -> ActorResult<()> {
        if self.pending.is_empty() {
            return Produces::ok(());
        }
        let mut client = self.pool.get().await?;
        let tx = client.transaction().await?;
        for (metric, units) in &self.pending {
            tx.execute(
                "INSERT INTO usage_daily (tenant, metric, day, units) VALUES ($1, $2, current_date, $3)
                 ON CONFLICT (tenant, metric, day) DO UPDATE SET units = usage_daily.units + EXCLUDED.units",
                &[&self.tenant, metric, units],
            )
            .await?;
        }
        let row = tx
            .query_one(
                "SELECT COALESCE(SUM(u.units), 0) > t.monthly_quota FROM usage_daily u
                 JOIN tenants t ON t.id = u.tenant
                 WHERE u.tenant = $1 AND u.day >= date_trunc('month', current_date)
                 GROUP BY t.monthly_quota",
                &[&self.tenant],
            )
            .await?;
        tx.commit().await?;
        self.pending.clear();

        let over_quota: bool = row.get(0);
        if over_quota {
            self.http
                .post("http://billing-events.internal/api/over-quota")
                .json(&json!({ "tenant": self.tenant }))
                .send()
                .await?;
        }
        Produces::ok(())
    }
}

/// Routes usage events to the right tenant's meter, spawning meters on first sight.
pub struct UsageRouter {
    pool: Pool,
    http: reqwest::Client,
    meters: HashMap<String, Addr<TenantMeter>>,
}

impl Actor for UsageRouter {}

impl UsageRouter {
    pub fn new(pool: Pool, http: reqwest::Client) -> Self {
        UsageRouter { pool, http, meters: HashMap::new() }
    }

    pub async fn record(&mut self, event: UsageEvent) -> ActorResult<()> {
        let meter = self.meters.entry(event.tenant.clone()).or_insert_with(|| {
            spawn_actor(TenantMeter::new(event.tenant.clone(), self.pool.clone(), self.http.clone()))
        });
        send!(meter.add(event.metric, event.units));
        Produces::ok(())
    }

    pub async fn flush_all(&mut self) -> ActorResult<()> {
        for meter in self.meters.values() {
            send!(meter.flush());
        }
        Produces::ok(())
    }
}
