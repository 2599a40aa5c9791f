use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use prometheus::{register, IntCounter};
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

mod cache;
mod queue;
mod upstream;

fn env_or(key: &str, default: &str) -> String {
    std::env::var(key).unwrap_or_else(|_| default.to_string())
}

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let database_url = env_or("DATABASE_URL", "postgres://exporter@db.internal:5432/jobs");
    let redis_url = env_or("REDIS_URL", "redis://cache.internal:6379/0");
    let upstreams: Vec<String> = env_or(
        "UPSTREAM_HEALTH_URLS",
        "http://billing.internal:8080/healthz,http://search.internal:8080/healthz",
    )
    .split(',')
    .map(str::to_owned)
    .collect();

    // Replication lag is scraped through a small shared pool.
    let manager = PostgresConnectionManager::new(database_url.parse()?, NoTls);
    let pool = r2d2::Pool::builder()
        .max_size(2)
        .connection_timeout(Duration::from_secs(2))
        .build(manager)
        .context("building replication pool")?;

    register(Box::new(queue::ReplicationCollector::new(pool)?))?;
    register(Box::new(queue::QueueDepthCollector::new(database_url.clone())?))?;
    register(Box::new(cache::CacheCollector::new(redis_url)?))?;
    register(Box::new(upstream::UpstreamCollector::new(upstreams)?))?;

    let scrapes = IntCounter::new("queue_exporter_scrapes_total", "Scrapes served")?;
    register(Box::new(scrapes.clone()))?;

    let addr: SocketAddr = env_or("LISTEN_ADDR", "0.0.0.0:9187").parse()?;
    let exporter = prometheus_exporter::start(addr).context("starting exporter")?;
    log::info!("serving metrics on http://{addr}/metrics");

    loop {
        let guard = exporter.wait_request();
        scrapes.inc();
        drop(guard);
    }
}
