use sqlx::postgres::{PgPool, PgPoolOptions};

/// Inventory ledger writes (same inventory database as store.rs).
pub async fn pool(url: &str) -> Result<PgPool, sqlx::Error> {
    PgPoolOptions::new().max_connections(5).connect(url).await
}

pub async fn record_release(pool: &PgPool, cart_id: &str, units: u64) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "INSERT INTO inventory_ledger (cart_id, reason, units, at) VALUES ($1, 'hold_expired', $2, now())",
    )
    .bind(cart_id)
    .bind(units as i64)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE carts SET state = 'expired' WHERE id = $1")
        .bind(cart_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
