//! Divert audit trail (required by the carrier SLA).

use std::sync::LazyLock;

use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

static AUDIT_POOL: LazyLock<Pool<PostgresConnectionManager<NoTls>>> = LazyLock::new(|| {
    let config = std::env::var("DATABASE_URL")
        .expect("DATABASE_URL")
        .parse()
        .expect("invalid DATABASE_URL");
    Pool::builder().max_size(4).build(PostgresConnectionManager::new(config, NoTls)).expect("audit pool")
});

pub fn log_divert(barcode: &str, chute: i32) {
    let result = AUDIT_POOL.get().map_err(anyhow::Error::from).and_then(|mut conn| {
        conn.execute(
            "INSERT INTO divert_audit (barcode, chute, at) VALUES ($1, $2, now())",
            &[&barcode, &chute],
        )?;
        Ok(())
    });
    if let Err(e) = result {
        log::warn!("audit write failed for {barcode}: {e}");
    }
}
