use chrono::{DateTime, Utc};
use r2d2::{Pool, PooledConnection};
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use std::time::Duration;

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;
pub type PgConn = PooledConnection<PostgresConnectionManager<NoTls>>;

/// Builds a connection pool for the metrics database described by `dsn`.
pub fn pool(dsn: &str) -> Result<PgPool, Box<dyn std::error::Error>> {
    let manager = PostgresConnectionManager::new(dsn.parse()?, NoTls);
    let pool = Pool::builder()
        .max_size(4)
        .connection_timeout(Duration::from_secs(2))
        .build(manager)?;
    Ok(pool)
}

pub fn insert_point(
    conn: &mut PgConn,
    series: &str,
    field: &str,
    at: DateTime<Utc>,
    value: f64,
) -> Result<(), r2d2_postgres::postgres::Error> {
    conn.execute(
        "INSERT INTO metric_points (series, field, observed_at, value)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (series, field, observed_at) DO UPDATE SET value = EXCLUDED.value",
        &[&series, &field, &at, &value],
    )?;
    Ok(())
}
