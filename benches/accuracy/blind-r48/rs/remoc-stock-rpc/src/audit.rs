use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};
use tokio::sync::{Mutex, OnceCell};

/// Audit rows are written through one dedicated connection so they keep
/// their insertion order.
static AUDIT_CONN: OnceCell<Mutex<PoolConnection<Postgres>>> = OnceCell::const_new();

pub async fn init(pool: &PgPool) -> Result<(), sqlx::Error> {
    let conn = pool.acquire().await?;
    let _ = AUDIT_CONN.set(Mutex::new(conn));
    Ok(())
}

pub async fn record(action: &str, sku: &str, qty: i32) {
    let Some(slot) = AUDIT_CONN.get() else {
        tracing::warn!(action, sku, "audit not initialised");
        return;
    };
    let mut conn = slot.lock().await;
    let res = sqlx::query("INSERT INTO stock_audit (action, sku, qty, at) VALUES ($1, $2, $3, now())")
        .bind(action)
        .bind(sku)
        .bind(qty)
        .execute(&mut **conn)
        .await;
    if let Err(err) = res {
        tracing::warn!(%err, action, sku, "audit insert failed");
    }
}
