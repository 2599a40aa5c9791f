//! Compliance audit trail of every synced / failed item (same database as
//! the catalog, separate schema).

use std::sync::LazyLock;

use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

static AUDIT_POOL: LazyLock<r2d2::Pool<PostgresConnectionManager<NoTls>>> = LazyLock::new(|| {
    let config = std::env::var("DATABASE_URL").expect("DATABASE_URL").parse().expect("DATABASE_URL");
    r2d2::Pool::builder().max_size(2).build(PostgresConnectionManager::new(config, NoTls)).expect("audit pool")
});

pub fn record(event_id: u64, folder: &str, item: &str, action: &str, error: Option<&str>) {
    let mut conn = match AUDIT_POOL.get() {
        Ok(conn) => conn,
        Err(e) => {
            log::error!("audit pool unavailable, event {event_id} not recorded: {e}");
            return;
        }
    };
    let host = std::env::var("HOSTNAME").unwrap_or_default();
    let res = conn.execute(
        "INSERT INTO audit.sync_log (event_id, host, folder, path, action, error, logged_at)
         VALUES ($1, $2, $3, $4, $5, $6, now())",
        &[&(event_id as i64), &host, &folder, &item, &action, &error],
    );
    if let Err(e) = res {
        log::error!("audit insert for event {event_id} failed: {e}");
    }
}

pub fn purge_older_than(days: i32) -> Result<u64, Box<dyn std::error::Error>> {
    let mut conn = AUDIT_POOL.get()?;
    Ok(conn.execute(
        "DELETE FROM audit.sync_log WHERE logged_at < now() - make_interval(days => $1)",
        &[&days],
    )?)
}
