//! Warehouse stock (SQL Server "WMS" database).

use bb8::Pool;
use bb8_tiberius::ConnectionManager;

pub type WmsPool = Pool<ConnectionManager>;

pub async fn pool() -> anyhow::Result<WmsPool> {
    let mgr = ConnectionManager::build(std::env::var("WMS_MSSQL").expect("WMS_MSSQL").as_str())?;
    let pool = bb8::Pool::builder().max_size(10).build(mgr).await?;
    Ok(pool)
}

pub async fn decrement(pool: &WmsPool, sku: &str, warehouse: &str, qty: i32) -> anyhow::Result<()> {
    let mut conn = pool.get().await?;
    conn.execute(
        "UPDATE stock SET on_hand = on_hand - @P1, updated_at = SYSUTCDATETIME() \
         WHERE sku = @P2 AND warehouse = @P3",
        &[&qty, &sku, &warehouse],
    )
    .await?;
    Ok(())
}
