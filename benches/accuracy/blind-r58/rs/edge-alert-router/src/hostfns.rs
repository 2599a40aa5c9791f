//! Host functions exposed to the Scheme rules. They are registered once at
//! start-up and invoked by `on-alert` while an alert is being routed.

use std::time::Duration;

use anyhow::Result;
use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use redis::Commands;
use serde::Deserialize;
use steel::steel_vm::engine::Engine;

type PgPool = Pool<PostgresConnectionManager<NoTls>>;

pub fn build_pool() -> Result<PgPool> {
    let url = std::env::var("ROUTER_DATABASE_URL")?;
    let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
    Ok(Pool::builder()
        .max_size(4)
        .connection_timeout(Duration::from_secs(3))
        .build(manager)?)
}

pub fn register(engine: &mut Engine, pool: PgPool) {
    engine.register_fn("geo-country", geo_country);
    engine.register_fn("page-oncall", page_oncall);

    let history = pool.clone();
    engine.register_fn("recent-count", move |host: String, minutes: isize| -> isize {
        recent_count(&history, &host, minutes).unwrap_or(-1)
    });

    engine.register_fn("record-alert", move |name: String, host: String, route: String| -> bool {
        record_alert(&pool, &name, &host, &route).is_ok()
    });
}

#[derive(Deserialize)]
struct IpInfo {
    country: Option<String>,
}

/// `(geo-country ip)` -> ISO country code of the gateway's public IP.
fn geo_country(ip: String) -> String {
    let token = std::env::var("IPINFO_TOKEN").unwrap_or_default();
    let client = match reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(2))
        .build()
    {
        Ok(client) => client,
        Err(_) => return "??".to_string(),
    };
    client
        .get(format!("https://ipinfo.io/{ip}/json"))
        .bearer_auth(token)
        .send()
        .and_then(|r| r.json::<IpInfo>())
        .ok()
        .and_then(|info| info.country)
        .unwrap_or_else(|| "??".to_string())
}

/// `(page-oncall team summary)` -> pushes onto the pager queue for the team.
fn page_oncall(team: String, summary: String) -> bool {
    let url = std::env::var("PAGER_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/2".into());
    let mut conn = match redis::Client::open(url.as_str()).and_then(|c| c.get_connection()) {
        Ok(conn) => conn,
        Err(err) => {
            log::error!("pager queue unavailable: {err}");
            return false;
        }
    };
    conn.rpush::<_, _, ()>(format!("pager:{team}"), summary).is_ok()
}

fn recent_count(pool: &PgPool, host: &str, minutes: isize) -> Result<isize> {
    let mut conn = pool.get()?;
    let row = conn.query_one(
        "SELECT count(*) FROM routed_alerts \
         WHERE host = $1 AND routed_at > now() - make_interval(mins => $2)",
        &[&host, &(minutes as i32)],
    )?;
    Ok(row.get::<_, i64>(0) as isize)
}

fn record_alert(pool: &PgPool, name: &str, host: &str, route: &str) -> Result<()> {
    let mut conn = pool.get()?;
    conn.execute(
        "INSERT INTO routed_alerts (name, host, route, routed_at) VALUES ($1, $2, $3, now())",
        &[&name, &host, &route],
    )?;
    Ok(())
}
