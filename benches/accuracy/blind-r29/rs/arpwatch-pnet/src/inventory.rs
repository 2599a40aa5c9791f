//! Network inventory tables in Postgres.

use std::time::Duration;

use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

pub fn make_pool(url: &str) -> anyhow::Result<PgPool> {
    let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
    let pool = r2d2::Pool::builder()
        .max_size(64)
        .min_idle(Some(4))
        .connection_timeout(Duration::from_secs(5))
        .build(manager)?;
    Ok(pool)
}

/// Records an IP -> MAC change and upserts the host row.
pub fn record_change(
    pool: &PgPool,
    ip: &str,
    mac: &str,
    previous: Option<String>,
) -> anyhow::Result<()> {
    let mut conn = pool.get()?;
    conn.batch_execute("BEGIN")?;
    conn.execute(
        "INSERT INTO arp_changes (ip, mac, previous_mac, seen_at) VALUES ($1, $2, $3, now())",
        &[&ip, &mac, &previous],
    )?;
    let updated = conn.execute(
        "UPDATE hosts SET mac = $2, last_seen = now() WHERE ip = $1",
        &[&ip, &mac],
    )?;
    if updated == 0 {
        conn.execute(
            "INSERT INTO hosts (ip, mac, first_seen, last_seen) VALUES ($1, $2, now(), now())",
            &[&ip, &mac],
        )?;
    }
    conn.batch_execute("COMMIT")?;
    Ok(())
}
