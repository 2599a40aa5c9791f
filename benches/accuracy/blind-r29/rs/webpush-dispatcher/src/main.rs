mod push;
mod subs;

use std::time::Duration;

use redis::aio::ConnectionManager;
use redis::AsyncCommands;
use serde::Deserialize;
use sqlx::postgres::PgPoolOptions;

#[derive(Deserialize)]
struct OutboxItem {
    user_id: uuid::Uuid,
    title: String,
    body: String,
}

async fn connect_redis(url: &str) -> anyhow::Result<ConnectionManager> {
    let client = redis::Client::open(url)?;
    for attempt in 1..=8u64 {
        match ConnectionManager::new(client.clone()).await {
            Ok(conn) => return Ok(conn),
            Err(e) => {
                tracing::warn!("redis not reachable (attempt {attempt}): {e}");
                tokio::time::sleep(Duration::from_secs(attempt)).await;
            }
        }
    }
    anyhow::bail!("redis unreachable after 8 attempts")
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let redis_url = std::env::var("REDIS_URL")?;
    let db_url = std::env::var("DATABASE_URL")?;

    let mut queue = connect_redis(&redis_url).await?;
    let pool = PgPoolOptions::new().max_connections(4).connect(&db_url).await?;
    let pusher = push::Pusher::from_env()?;

    loop {
        // Blocks for up to 5 s waiting for the next outbox item.
        let item: Option<(String, String)> = match queue.brpop("push:outbox", 5.0).await {
            Ok(v) => v,
            Err(e) => {
                tracing::warn!("brpop failed: {e}");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
        };
        let Some((_, raw)) = item else { continue };
        let Ok(msg) = serde_json::from_str::<OutboxItem>(&raw) else {
            tracing::warn!("dropping malformed outbox item");
            continue;
        };

        let targets = match subs::for_user(&pool, msg.user_id).await {
            Ok(t) => t,
            Err(e) => {
                tracing::error!("subscription lookup failed: {e}");
                let _: Result<(), _> = queue.lpush("push:outbox", &raw).await;
                continue;
            }
        };
        for sub in targets {
            match pusher.send(&sub, &msg.title, &msg.body).await {
                Ok(()) => {}
                Err(e) if push::is_gone(&e) => {
                    tracing::info!("subscription {} gone, pruning", sub.id);
                    if let Err(e) = subs::prune(&pool, sub.id).await {
                        tracing::warn!("prune failed: {e}");
                    }
                }
                Err(e) => tracing::warn!("push to {} failed: {e}", sub.id),
            }
        }
    }
}
