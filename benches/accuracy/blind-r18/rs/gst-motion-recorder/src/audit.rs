use std::sync::LazyLock;

use anyhow::Result;
use r2d2::Pool;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

// Audit trail lives in the same recorder database (schema `audit`).
static AUDIT_POOL: LazyLock<Pool<PostgresConnectionManager<NoTls>>> = LazyLock::new(|| {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    let manager = PostgresConnectionManager::new(url.parse().expect("bad DATABASE_URL"), NoTls);
    Pool::builder().max_size(4).build(manager).expect("audit pool")
});

pub fn record(camera: &str, action: &str, event_id: i64) -> Result<()> {
    let mut conn = AUDIT_POOL.get()?;
    conn.execute(
        "INSERT INTO audit.camera_log (camera, action, event_id, at) VALUES ($1, $2, $3, now())",
        &[&camera, &action, &event_id],
    )?;
    Ok(())
}
