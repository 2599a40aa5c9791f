mod consul;

use std::time::Duration;

use consul::Consul;
use sqlx::mysql::{MySqlPool, MySqlPoolOptions};

async fn mirror(pool: &MySqlPool, service: &str, entries: &[consul::HealthEntry]) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query("DELETE FROM edge_upstreams WHERE service = ?").bind(service).execute(&mut *tx).await?;
    for e in entries {
        let addr = if e.service.address.is_empty() { &e.node.address } else { &e.service.address };
        sqlx::query("INSERT INTO edge_upstreams (service, instance_id, address, port) VALUES (?, ?, ?, ?)")
            .bind(service)
            .bind(&e.service.id)
            .bind(addr)
            .bind(e.service.port)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("UPDATE edge_config_version SET version = version + 1").execute(&mut *tx).await?;
    tx.commit().await
}

async fn watch(consul: Consul, pool: MySqlPool, service: String) {
    let mut index = 0_u64;
    loop {
        match consul.healthy(&service, index).await {
            Ok((new_index, entries)) => {
                // Consul may return early with the same index; only act on real changes
                if new_index == index {
                    continue;
                }
                // an index that goes backwards means the raft state was reset: start over
                index = if new_index < index { 0 } else { new_index };
                if let Err(err) = mirror(&pool, &service, &entries).await {
                    tracing::error!(%service, %err, "could not mirror upstreams");
                } else {
                    tracing::info!(%service, instances = entries.len(), "upstreams updated");
                }
            }
            Err(err) => {
                tracing::warn!(%service, %err, "blocking query failed, backing off");
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
        }
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let consul = Consul::new(std::env::var("CONSUL_HTTP_ADDR").unwrap_or_else(|_| "http://127.0.0.1:8500".into()))?;
    consul.wait_for_leader().await?;

    let pool = MySqlPoolOptions::new()
        .max_connections(4)
        .connect(&std::env::var("EDGE_DB_URL")?)
        .await?;

    let services: Vec<String> = std::env::var("WATCH_SERVICES")
        .unwrap_or_else(|_| "payments,checkout,search".into())
        .split(',')
        .map(|s| s.trim().to_owned())
        .collect();

    let mut tasks = tokio::task::JoinSet::new();
    for service in services {
        tasks.spawn(watch(consul.clone(), pool.clone(), service));
    }
    while let Some(res) = tasks.join_next().await {
        res?;
    }
    Ok(())
}
