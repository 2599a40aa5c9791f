//! Depot lookup and geocoding.

use std::sync::LazyLock;

use magnus::Error;
use r2d2::Pool;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use redis::Commands;

use crate::{database_url, rb_err, redis_url};

pub(crate) type PgPool = Pool<PostgresConnectionManager<NoTls>>;

static GEO_DB: LazyLock<PgPool> = LazyLock::new(|| {
    let config: r2d2_postgres::postgres::Config = database_url().parse().expect("DATABASE_URL");
    Pool::new(PostgresConnectionManager::new(config, NoTls)).expect("geo pool")
});

pub(crate) fn pool() -> &'static PgPool {
    &GEO_DB
}

/// `GeoExt.nearest_depot(lat, lon)` -> depot code.
pub fn nearest_depot(lat: f64, lon: f64) -> Result<String, Error> {
    let mut conn = GEO_DB.get().map_err(rb_err)?;
    let row = conn
        .query_one(
            "SELECT code FROM depots WHERE active \
             ORDER BY location <-> ST_SetSRID(ST_MakePoint($2, $1), 4326) LIMIT 1",
            &[&lat, &lon],
        )
        .map_err(rb_err)?;
    Ok(row.get::<_, String>(0))
}

/// `GeoExt.geocode(address)` -> [lat, lon], cached in Redis for a week.
pub fn geocode(address: String) -> Result<(f64, f64), Error> {
    let key = format!("geo:addr:{}", address.trim().to_lowercase());
    let cache = redis::Client::open(redis_url()).map_err(rb_err)?;
    let mut con = cache.get_connection().map_err(rb_err)?;

    if let Some(hit) = con.get::<_, Option<String>>(&key).map_err(rb_err)? {
        if let Some((lat, lon)) = hit.split_once(',') {
            return Ok((lat.parse().unwrap_or(0.0), lon.parse().unwrap_or(0.0)));
        }
    }

    let mut db = GEO_DB.get().map_err(rb_err)?;
    let row = db
        .query_one(
            "SELECT lat, lon FROM address_points WHERE normalized = $1",
            &[&address.trim().to_lowercase()],
        )
        .map_err(rb_err)?;
    let (lat, lon): (f64, f64) = (row.get(0), row.get(1));
    let _: () = con
        .set_ex(&key, format!("{lat},{lon}"), 7 * 24 * 3600)
        .map_err(rb_err)?;
    Ok((lat, lon))
}
