use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub type Pool = r2d2::Pool<PostgresConnectionManager<NoTls>>;
pub type Conn = r2d2::PooledConnection<PostgresConnectionManager<NoTls>>;

pub fn build_pool() -> anyhow::Result<Pool> {
    let url = std::env::var("DATABASE_URL")?;
    let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
    Ok(r2d2::Pool::builder().max_size(3).build(manager)?)
}

pub fn upsert_callsign(db: &mut Conn, icao: &str, callsign: &str) -> Result<(), r2d2_postgres::postgres::Error> {
    db.execute(
        "INSERT INTO sightings (icao, callsign, last_seen) VALUES ($1, $2, now()) \
         ON CONFLICT (icao) DO UPDATE SET callsign = EXCLUDED.callsign, last_seen = now()",
        &[&icao, &callsign],
    )?;
    Ok(())
}

pub fn touch(db: &mut Conn, icao: &str, altitude_ft: i32) -> Result<(), r2d2_postgres::postgres::Error> {
    db.execute(
        "INSERT INTO sightings (icao, altitude_ft, last_seen) VALUES ($1, $2, now()) \
         ON CONFLICT (icao) DO UPDATE SET altitude_ft = EXCLUDED.altitude_ft, last_seen = now()",
        &[&icao, &altitude_ft],
    )?;
    Ok(())
}

pub fn record_emergency(db: &mut Conn, icao: &str, squawk: &str) -> Result<(), r2d2_postgres::postgres::Error> {
    db.execute(
        "INSERT INTO emergencies (icao, squawk, seen_at) VALUES ($1, $2, now())",
        &[&icao, &squawk],
    )?;
    Ok(())
}

pub fn prune_stale(db: &mut Conn) -> Result<u64, r2d2_postgres::postgres::Error> {
    db.execute("DELETE FROM sightings WHERE last_seen < now() - interval '30 minutes'", &[])
}
