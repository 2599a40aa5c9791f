mod ledger;
mod notify;
mod store;

use fred::prelude::*;
use sea_orm::DatabaseConnection;
use sqlx::PgPool;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let database_url = std::env::var("DATABASE_URL")?;
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/0".into());
    let topic_arn = std::env::var("CART_EVENTS_TOPIC_ARN")?;

    let db = store::connect(&database_url).await?;
    let ledger = ledger::pool(&database_url).await?;

    // Requires `notify-keyspace-events Ex` on the Redis server.
    let subscriber = Builder::from_config(RedisConfig::from_url(&redis_url)?).build()?;
    subscriber.init().await?;
    subscriber.psubscribe("__keyevent@0__:expired").await?;

    let rt = tokio::runtime::Handle::current();
    // Runs once for every expired key in db 0.
    let _listener = subscriber.on_keyspace_event(move |event| {
        let key = event.key.as_str_lossy().to_string();
        let Some(cart_id) = key.strip_prefix("cart:hold:") else {
            return Ok(());
        };
        let cart_id = cart_id.to_owned();
        let db = db.clone();
        let ledger = ledger.clone();
        let topic_arn = topic_arn.clone();
        rt.spawn(async move {
            if let Err(e) = release(&db, &ledger, &topic_arn, &cart_id).await {
                tracing::error!(%cart_id, error = %e, "failed to release expired cart");
            }
        });
        Ok(())
    });

    tokio::signal::ctrl_c().await?;
    subscriber.quit().await?;
    Ok(())
}

async fn release(
    db: &DatabaseConnection,
    ledger: &PgPool,
    topic_arn: &str,
    cart_id: &str,
) -> anyhow::Result<()> {
    let released = store::release_holds(db, cart_id).await?;
    if released == 0 {
        return Ok(());
    }
    ledger::record_release(ledger, cart_id, released).await?;
    notify::cart_expired(topic_arn, cart_id, released).await?;
    tracing::info!(%cart_id, released, "expired cart released");
    Ok(())
}
