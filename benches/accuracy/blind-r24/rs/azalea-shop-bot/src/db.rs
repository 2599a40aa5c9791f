use std::sync::OnceLock;

use sqlx::postgres::{PgPool, PgPoolOptions};

static SHOP_POOL: OnceLock<PgPool> = OnceLock::new();

/// Shop inventory / orders. Initialised once from main before the bot joins.
pub async fn init_shop_pool() -> Result<(), sqlx::Error> {
    let url = std::env::var("SHOP_DATABASE_URL").expect("SHOP_DATABASE_URL");
    let pool = PgPoolOptions::new().max_connections(5).connect(&url).await?;
    let _ = SHOP_POOL.set(pool);
    Ok(())
}

pub fn shop() -> &'static PgPool {
    SHOP_POOL.get().expect("init_shop_pool() must run first")
}

/// Price history is kept in the analytics warehouse (separate Postgres).
pub async fn history_pool() -> Result<PgPool, sqlx::Error> {
    let url = std::env::var("HISTORY_DATABASE_URL").expect("HISTORY_DATABASE_URL");
    PgPoolOptions::new().max_connections(3).connect(&url).await
}

/// Items the bot is allowed to sell; used by `!price` / `!buy` argument checks.
pub async fn known_items() -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT item FROM inventory WHERE listed ORDER BY item")
        .fetch_all(shop())
        .await
}

/// Orders older than a day that were committed but never picked up are
/// returned to stock by an ops script; this helper is shared with it.
pub async fn restock_unclaimed() -> Result<u64, sqlx::Error> {
    let res = sqlx::query(
        "WITH stale AS (DELETE FROM orders WHERE picked_up = false AND created_at < now() - interval '1 day' RETURNING item, qty)
         UPDATE inventory i SET stock = i.stock + s.qty FROM stale s WHERE i.item = s.item",
    )
    .execute(shop())
    .await?;
    Ok(res.rows_affected())
}
