mod jobs;
mod webhooks;

use apalis::prelude::*;
use apalis_redis::RedisStorage;
use sqlx::postgres::PgPoolOptions;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let database_url = std::env::var("DATABASE_URL")?;
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());

    // Digests for big accounts fan out a lot of queries, so give the worker plenty of room.
    let pool = PgPoolOptions::new().max_connections(120).connect(&database_url).await?;

    let conn = apalis_redis::connect(redis_url).await?;
    let storage: RedisStorage<jobs::DigestJob> = RedisStorage::new(conn);

    tracing::info!("digest worker starting");
    Monitor::new()
        .register(
            WorkerBuilder::new("weekly-digest")
                .data(pool)
                .backend(storage)
                .build_fn(jobs::send_digest),
        )
        .run()
        .await?;
    Ok(())
}
