use std::error::Error;
use std::sync::OnceLock;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

type BoxError = Box<dyn Error + Send + Sync>;

static AUDIT: OnceLock<Pool> = OnceLock::new();

/// Stock movements must be auditable (SOX). Kept in its own small pool so a
/// slow audit insert never starves the reservation path.
pub fn init(url: &str) -> Result<(), BoxError> {
    let pg: tokio_postgres::Config = url.parse()?;
    let mgr = Manager::from_config(pg, NoTls, ManagerConfig { recycling_method: RecyclingMethod::Fast });
    let pool = Pool::builder(mgr).max_size(4).runtime(Runtime::Tokio1).build()?;
    let _ = AUDIT.set(pool);
    Ok(())
}

pub async fn record(reservation_id: &str, sku: &str, qty: i32, action: &str) -> Result<(), BoxError> {
    let pool = AUDIT.get().ok_or("audit::init was not called")?;
    let client = pool.get().await?;
    client
        .execute(
            "INSERT INTO stock_audit (reservation_id, sku, qty, action, at) VALUES ($1, $2, $3, $4, now())",
            &[&reservation_id, &sku, &qty, &action],
        )
        .await?;
    Ok(())
}
