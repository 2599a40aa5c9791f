mod db;
mod handlers;

use std::env;
use std::sync::Arc;
use std::time::Duration;

use futures_util::FutureExt;
use rust_socketio::asynchronous::ClientBuilder;
use serde_json::json;

/// Built once at start-up and shared by every event callback.
pub struct AgentState {
    pub pool: sqlx::PgPool,
    pub http: reqwest::Client,
    pub upload_url: String,
    pub region: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let state = Arc::new(AgentState {
        pool: db::primary().await?,
        http: reqwest::Client::builder().timeout(Duration::from_secs(60)).build()?,
        upload_url: env::var("EXPORT_UPLOAD_URL")?,
        region: env::var("AGENT_REGION").unwrap_or_else(|_| "eu-west-1".into()),
    });

    let (s_report, s_export, s_vacuum) = (state.clone(), state.clone(), state.clone());
    let socket = ClientBuilder::new(env::var("OPS_HUB_URL")?)
        .namespace("/agents")
        .auth(json!({ "token": env::var("OPS_HUB_TOKEN")?, "region": state.region }))
        .on("open", |_, socket| {
            async move {
                let _ = socket.emit("hello", json!({ "agent": "pg-ops" })).await;
            }
            .boxed()
        })
        .on("run-report", move |payload, socket| {
            handlers::run_report(s_report.clone(), payload, socket).boxed()
        })
        .on("export-table", move |payload, socket| {
            handlers::export_table(s_export.clone(), payload, socket).boxed()
        })
        .on("vacuum-status", move |payload, socket| {
            handlers::vacuum_status(s_vacuum.clone(), payload, socket).boxed()
        })
        .on("error", |err, _| async move { tracing::warn!("socket error: {err:?}") }.boxed())
        .reconnect(true)
        .connect()
        .await?;

    tokio::signal::ctrl_c().await?;
    socket.disconnect().await?;
    state.pool.close().await;
    Ok(())
}
