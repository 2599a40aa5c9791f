//! Connection pool for the billing database used by the console commands.

use std::sync::OnceLock;
use std::time::Duration;

use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

static POOL: OnceLock<PgPool> = OnceLock::new();

fn database_url() -> String {
    std::env::var("BILLING_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://billing_ops@billing-db.internal/billing".to_string())
}

/// Lazily built on first use and shared for the rest of the session.
pub fn pool() -> &'static PgPool {
    POOL.get_or_init(|| {
        let config = database_url().parse().expect("invalid BILLING_DATABASE_URL");
        let manager = PostgresConnectionManager::new(config, NoTls);
        Pool::builder()
            .max_size(4)
            .connection_timeout(Duration::from_secs(5))
            .build(manager)
            .expect("billing database unreachable")
    })
}

pub fn cents(amount: i64) -> String {
    format!("{}.{:02}", amount / 100, (amount % 100).abs())
}

#[cfg(test)]
mod tests {
    #[test]
    fn formats_cents() {
        assert_eq!(super::cents(12345), "123.45");
        assert_eq!(super::cents(7), "0.07");
    }
}
