mod clients;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use redis::AsyncCommands;
use sqlx::PgPool;
use vaultrs::client::VaultClient;

type Flags = BTreeMap<String, serde_json::Value>;

async fn relay_once(vault: &VaultClient, redis: &mut redis::aio::ConnectionManager, pool: &PgPool) -> anyhow::Result<usize> {
    let flags: Flags = vaultrs::kv2::read(vault, "secret", "edge/feature-flags").await?;
    let payload = serde_json::to_string(&flags)?;

    let previous: Option<String> = redis.get("edge:flags").await?;
    if previous.as_deref() == Some(payload.as_str()) {
        return Ok(0);
    }
    let _: () = redis.set("edge:flags", &payload).await?;
    let _: i64 = redis.publish("edge:flags:changed", &payload).await?;

    let mut conn = pool.acquire().await?;
    sqlx::query("INSERT INTO flag_versions (payload, published_at) VALUES ($1::jsonb, now())")
        .bind(&payload)
        .execute(&mut *conn)
        .await?;
    Ok(flags.len())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let vault = Arc::new(clients::vault()?);
    let pool = clients::database(&vault).await?;
    let mut redis = clients::redis().await?;

    let renewer = Arc::clone(&vault);
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(30 * 60));
        loop {
            every.tick().await;
            if let Err(e) = vaultrs::token::renew_self(&*renewer, Some("1h")).await {
                tracing::error!(error = %e, "vault token renewal failed");
            }
        }
    });

    let mut tick = tokio::time::interval(Duration::from_secs(60));
    loop {
        tick.tick().await;
        match relay_once(&vault, &mut redis, &pool).await {
            Ok(0) => tracing::debug!("flags unchanged"),
            Ok(n) => tracing::info!(flags = n, "flags relayed"),
            Err(e) => tracing::error!(error = %e, "relay failed"),
        }
    }
}
