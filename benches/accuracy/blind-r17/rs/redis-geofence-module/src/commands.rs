use redis_module::{Context, NextArg, RedisError, RedisResult, RedisString, RedisValue};

use crate::backends;

fn backend_err(e: impl std::fmt::Display) -> RedisError {
    RedisError::String(format!("ERR geofence backend: {e}"))
}

/// GEOFENCE.CHECK <fence> <lat> <lon>  -> 1 if the point is inside the fence.
pub fn check(_ctx: &Context, args: Vec<RedisString>) -> RedisResult {
    if args.len() != 4 {
        return Err(RedisError::WrongArity);
    }
    let mut args = args.into_iter().skip(1);
    let fence = args.next_string()?;
    let lat = args.next_f64()?;
    let lon = args.next_f64()?;

    let mut conn = backends::pg().get().map_err(backend_err)?;
    let row = conn
        .query_opt(
            "SELECT ST_Contains(area, ST_SetSRID(ST_MakePoint($2, $3), 4326)) FROM fences WHERE name = $1",
            &[&fence, &lon, &lat],
        )
        .map_err(backend_err)?;
    match row {
        Some(r) => Ok(RedisValue::Integer(r.get::<_, bool>(0) as i64)),
        None => Err(RedisError::String(format!("ERR unknown fence {fence}"))),
    }
}

/// GEOFENCE.RELOAD <fence> <geojson-url>  -> fetches the polygon and stores it.
pub fn reload(ctx: &Context, args: Vec<RedisString>) -> RedisResult {
    if args.len() != 3 {
        return Err(RedisError::WrongArity);
    }
    let mut args = args.into_iter().skip(1);
    let fence = args.next_string()?;
    let url = args.next_string()?;

    let geojson = backends::http()
        .get(&url)
        .send()
        .and_then(|r| r.error_for_status())
        .and_then(|r| r.text())
        .map_err(backend_err)?;

    let mut conn = backends::pg().get().map_err(backend_err)?;
    let n = conn
        .execute(
            "INSERT INTO fences (name, area) VALUES ($1, ST_GeomFromGeoJSON($2))
             ON CONFLICT (name) DO UPDATE SET area = EXCLUDED.area",
            &[&fence, &geojson],
        )
        .map_err(backend_err)?;
    ctx.log_notice(&format!("geofence {fence} reloaded from {url}"));
    Ok(RedisValue::Integer(n as i64))
}
