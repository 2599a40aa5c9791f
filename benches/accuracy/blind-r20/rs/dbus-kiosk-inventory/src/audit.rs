use std::sync::LazyLock;

use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

use crate::db::{database_url, PgPool};

static AUDIT_POOL: LazyLock<PgPool> = LazyLock::new(|| {
    let manager = PostgresConnectionManager::new(database_url().parse().expect("db url"), NoTls);
    r2d2::Pool::builder().max_size(4).build(manager).expect("audit pool")
});

pub fn record(sender: &str, method: &str, detail: &str) {
    let result = AUDIT_POOL.get().map_err(anyhow::Error::from).and_then(|mut c| {
        c.execute(
            "INSERT INTO kiosk_audit (sender, method, detail) VALUES ($1, $2, $3)",
            &[&sender, &method, &detail],
        )?;
        Ok(())
    });
    if let Err(e) = result {
        log::warn!("audit write failed: {e}");
    }
}
