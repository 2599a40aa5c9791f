use std::collections::HashMap;
use std::time::Duration;

use opentelemetry::trace::TracerProvider as _;
use opentelemetry_sdk::runtime;
use opentelemetry_sdk::trace::TracerProvider;
use sqlx::postgres::PgPoolOptions;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::EnvFilter;

mod exporter;
mod worker;

fn dedicated_clusters() -> HashMap<String, String> {
    // TRACE_DEDICATED="acme=https://ch-acme.internal:8443,globex=https://ch-globex.internal:8443"
    std::env::var("TRACE_DEDICATED")
        .unwrap_or_default()
        .split(',')
        .filter_map(|pair| pair.split_once('='))
        .map(|(tenant, url)| (tenant.to_owned(), url.to_owned()))
        .collect()
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let exporter = exporter::ClickHouseExporter::new(
        &std::env::var("CLICKHOUSE_URL").unwrap_or_else(|_| "http://clickhouse:8123".into()),
        &std::env::var("CLICKHOUSE_USER").unwrap_or_else(|_| "otel".into()),
        &std::env::var("CLICKHOUSE_PASSWORD").unwrap_or_default(),
        dedicated_clusters(),
    );
    let provider = TracerProvider::builder()
        .with_batch_exporter(exporter, runtime::Tokio)
        .build();
    let tracer = provider.tracer("invoice-worker");

    tracing_subscriber::registry()
        .with(EnvFilter::from_default_env())
        .with(tracing_subscriber::fmt::layer())
        .with(tracing_opentelemetry::layer().with_tracer(tracer))
        .init();

    let pool = PgPoolOptions::new()
        .max_connections(5)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;

    let mut ticker = tokio::time::interval(Duration::from_secs(30));
    loop {
        tokio::select! {
            _ = ticker.tick() => {
                match worker::run_once(&pool).await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(issued = n, "billing run finished"),
                    Err(e) => tracing::error!("billing run failed: {e:#}"),
                }
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }

    pool.close().await;
    provider.shutdown()?;
    Ok(())
}
