use std::time::Duration;

use serde::Deserialize;
use serde_json::{json, Value};
use sqlx::{Connection, PgConnection, Row};

use crate::cache;
use crate::proto::{Op, Place, Request};

pub struct Ctx {
    pub pg_url: String,
    pub redis_url: String,
    pub nominatim: String,
    pub http: reqwest::Client,
}

impl Ctx {
    pub fn from_env() -> anyhow::Result<Ctx> {
        Ok(Ctx {
            pg_url: std::env::var("GEO_DATABASE_URL")?,
            redis_url: std::env::var("GEO_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/3".into()),
            nominatim: std::env::var("NOMINATIM_URL")
                .unwrap_or_else(|_| "https://nominatim.internal/reverse".into()),
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(3))
                .user_agent("dispatch-geo-port/0.4")
                .build()?,
        })
    }
}

#[derive(Deserialize)]
struct NominatimReply {
    display_name: String,
}

pub async fn handle(ctx: &Ctx, req: Request) -> anyhow::Result<Value> {
    match req.op {
        Op::Ping => Ok(json!("pong")),
        Op::Reverse { lat, lon } => Ok(serde_json::to_value(reverse(ctx, lat, lon).await?)?),
        Op::Zone { lat, lon } => {
            let mut conn = PgConnection::connect(&ctx.pg_url).await?;
            let zone = zone_for(&mut conn, lat, lon).await?;
            conn.close().await?;
            Ok(json!({ "zone": zone }))
        }
    }
}

async fn zone_for(conn: &mut PgConnection, lat: f64, lon: f64) -> sqlx::Result<Option<String>> {
    let row = sqlx::query(
        "SELECT code FROM dispatch_zones \
         WHERE ST_Contains(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326)) LIMIT 1",
    )
    .bind(lon)
    .bind(lat)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| r.get::<String, _>("code")))
}

async fn reverse(ctx: &Ctx, lat: f64, lon: f64) -> anyhow::Result<Place> {
    if let Some(hit) = cache::get(&ctx.redis_url, lat, lon).await? {
        return Ok(hit);
    }

    let mut conn = PgConnection::connect(&ctx.pg_url).await?;
    let zone = zone_for(&mut conn, lat, lon).await?;
    let local = sqlx::query(
        "SELECT label FROM addresses \
         ORDER BY geom <-> ST_SetSRID(ST_MakePoint($1, $2), 4326) LIMIT 1",
    )
    .bind(lon)
    .bind(lat)
    .fetch_optional(&mut conn)
    .await?;
    conn.close().await?;

    let place = match local {
        Some(row) => Place { label: row.get("label"), zone, source: "local".to_string() },
        None => {
            let reply: NominatimReply = ctx
                .http
                .get(&ctx.nominatim)
                .query(&[("lat", lat), ("lon", lon)])
                .query(&[("format", "jsonv2")])
                .send()
                .await?
                .error_for_status()?
                .json()
                .await?;
            Place { label: reply.display_name, zone, source: "nominatim".to_string() }
        }
    };
    cache::put(&ctx.redis_url, lat, lon, &place).await?;
    Ok(place)
}
