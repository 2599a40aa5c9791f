use std::collections::HashMap;

use async_trait::async_trait;
use serde_json::json;
use sqlx::SqlitePool;
use ttrpc::r#async::TtrpcContext;

use crate::protocols::inventory::{DriftRequest, DriftResponse, Package, PackageReport, ReportAck};
use crate::protocols::inventory_ttrpc;

/// Registered once with the ttrpc server; every RPC borrows its pool and client.
pub struct InventoryService {
    pool: SqlitePool,
    http: reqwest::Client,
    control_plane: String,
}

fn internal<E: std::fmt::Display>(e: E) -> ttrpc::Error {
    ttrpc::Error::RpcStatus(ttrpc::get_status(ttrpc::Code::INTERNAL, e.to_string()))
}

fn package(name: &str, version: &str) -> Package {
    Package {
        name: name.to_owned(),
        version: version.to_owned(),
        ..Default::default()
    }
}

impl InventoryService {
    pub fn new(pool: SqlitePool, http: reqwest::Client, control_plane: String) -> Self {
        Self { pool, http, control_plane }
    }

    pub async fn heartbeat(&self) -> anyhow::Result<()> {
        let (hosts,): (i64,) = sqlx::query_as("SELECT count(DISTINCT host) FROM packages")
            .fetch_one(&self.pool)
            .await?;
        self.http
            .post(format!("{}/v1/agents/heartbeat", self.control_plane))
            .json(&json!({ "hosts": hosts }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }

    async fn baseline(&self) -> anyhow::Result<HashMap<String, String>> {
        let resp = self
            .http
            .get(format!("{}/v1/baseline", self.control_plane))
            .send()
            .await?
            .error_for_status()?;
        Ok(resp.json().await?)
    }
}

#[async_trait]
impl inventory_ttrpc::Inventory for InventoryService {
    async fn report_packages(&self, _ctx: &TtrpcContext, req: PackageReport) -> ttrpc::Result<ReportAck> {
        // Dropped (and rolled back) on any early return below.
        let mut tx = self.pool.begin().await.map_err(internal)?;
        sqlx::query("DELETE FROM packages WHERE host = ?")
            .bind(&req.host)
            .execute(&mut *tx)
            .await
            .map_err(internal)?;
        for p in &req.packages {
            sqlx::query("INSERT INTO packages (host, name, version) VALUES (?, ?, ?)")
                .bind(&req.host)
                .bind(&p.name)
                .bind(&p.version)
                .execute(&mut *tx)
                .await
                .map_err(internal)?;
        }
        tx.commit().await.map_err(internal)?;

        Ok(ReportAck {
            stored: req.packages.len() as u32,
            ..Default::default()
        })
    }

    async fn get_drift(&self, _ctx: &TtrpcContext, req: DriftRequest) -> ttrpc::Result<DriftResponse> {
        let baseline = self.baseline().await.map_err(internal)?;

        let mut conn = self.pool.acquire().await.map_err(internal)?;
        let installed: Vec<(String, String)> =
            sqlx::query_as("SELECT name, version FROM packages WHERE host = ?")
                .bind(&req.host)
                .fetch_all(&mut *conn)
                .await
                .map_err(internal)?;
        drop(conn);

        let installed: HashMap<String, String> = installed.into_iter().collect();
        let missing = baseline
            .iter()
            .filter(|(name, version)| installed.get(*name) != Some(*version))
            .map(|(n, v)| package(n, v))
            .collect();
        let unexpected = installed
            .iter()
            .filter(|(name, _)| !baseline.contains_key(*name))
            .map(|(n, v)| package(n, v))
            .collect();

        Ok(DriftResponse {
            missing,
            unexpected,
            ..Default::default()
        })
    }
}
