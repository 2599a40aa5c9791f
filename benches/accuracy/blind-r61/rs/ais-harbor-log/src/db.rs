use std::thread::sleep;
use std::time::Duration;

use r2d2_postgres::postgres::{Config, NoTls};
use r2d2_postgres::PostgresConnectionManager;

pub type Pool = r2d2::Pool<PostgresConnectionManager<NoTls>>;
pub type Conn = r2d2::PooledConnection<PostgresConnectionManager<NoTls>>;

/// Builds the pool, waiting for Postgres at boot (the receiver box often
/// comes up before the database VM). Gives up after ten attempts.
pub fn build_pool() -> anyhow::Result<Pool> {
    let config: Config = std::env::var("DATABASE_URL")?.parse()?;
    let mut attempt = 1;
    loop {
        let manager = PostgresConnectionManager::new(config.clone(), NoTls);
        match r2d2::Pool::builder()
            .max_size(4)
            .connection_timeout(Duration::from_secs(5))
            .build(manager)
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 10 => {
                log::warn!("postgres not ready (attempt {attempt}): {e}");
                attempt += 1;
                sleep(Duration::from_secs(3));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

pub fn insert_position(
    conn: &mut Conn,
    mmsi: u32,
    lat: f64,
    lon: f64,
    sog: Option<f64>,
    cog: Option<f64>,
) -> Result<(), r2d2_postgres::postgres::Error> {
    conn.execute(
        "INSERT INTO ais_positions (mmsi, lat, lon, sog_knots, cog, received_at) \
         VALUES ($1, $2, $3, $4, $5, now())",
        &[&(mmsi as i64), &lat, &lon, &sog, &cog],
    )?;
    Ok(())
}

pub fn upsert_vessel(
    conn: &mut Conn,
    mmsi: u32,
    name: &str,
    call_sign: Option<&str>,
) -> Result<(), r2d2_postgres::postgres::Error> {
    conn.execute(
        "INSERT INTO vessels (mmsi, name, call_sign, updated_at) VALUES ($1, $2, $3, now()) \
         ON CONFLICT (mmsi) DO UPDATE SET name = EXCLUDED.name, call_sign = EXCLUDED.call_sign, \
         updated_at = now()",
        &[&(mmsi as i64), &name, &call_sign],
    )?;
    Ok(())
}
