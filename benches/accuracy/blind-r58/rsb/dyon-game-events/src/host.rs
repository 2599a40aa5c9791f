//! Host functions available to event scripts.
//! Both pools live in statics that main fills exactly once before the
//! first event; the functions below only borrow a connection per call.

use dyon::{Dfn, Module, Type};
use postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use redis::Commands;
use std::sync::OnceLock;
use std::time::Duration;

type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;
type RedisPool = r2d2::Pool<redis::Client>;

static PG: OnceLock<PgPool> = OnceLock::new();
static REDIS: OnceLock<RedisPool> = OnceLock::new();

pub fn init(pg_dsn: &str, redis_url: &str) -> anyhow::Result<()> {
    let manager = PostgresConnectionManager::new(pg_dsn.parse()?, NoTls);
    let pg = r2d2::Pool::builder()
        .max_size(4)
        .connection_timeout(Duration::from_secs(3))
        .build(manager)?;
    let redis = r2d2::Pool::builder()
        .max_size(4)
        .build(redis::Client::open(redis_url)?)?;
    PG.set(pg).map_err(|_| anyhow::anyhow!("host::init called twice"))?;
    REDIS.set(redis).map_err(|_| anyhow::anyhow!("host::init called twice"))?;
    Ok(())
}

fn pg() -> &'static PgPool {
    PG.get().expect("host::init not called")
}

fn redis_pool() -> &'static RedisPool {
    REDIS.get().expect("host::init not called")
}

dyon_fn! {fn award_points(player: String, points: f64) -> bool {
    let Ok(mut conn) = pg().get() else { return false };
    conn.execute(
        "INSERT INTO season_points (player, points) VALUES ($1, $2) \
         ON CONFLICT (player) DO UPDATE SET points = season_points.points + $2",
        &[&player, &(points as i32)],
    )
    .is_ok()
}}

dyon_fn! {fn player_rating(player: String) -> f64 {
    let Ok(mut conn) = pg().get() else { return 1500.0 };
    conn.query_opt("SELECT rating FROM players WHERE name = $1", &[&player])
        .ok()
        .flatten()
        .map(|row| row.get::<_, f64>(0))
        .unwrap_or(1500.0)
}}

dyon_fn! {fn announce(channel: String, text: String) -> bool {
    let Ok(mut conn) = redis_pool().get() else { return false };
    conn.publish::<_, _, i64>(format!("arena:{channel}"), text).is_ok()
}}

pub fn register(module: &mut Module) {
    module.add_str("award_points", award_points, Dfn::nl(vec![Type::Str, Type::F64], Type::Bool));
    module.add_str("player_rating", player_rating, Dfn::nl(vec![Type::Str], Type::F64));
    module.add_str("announce", announce, Dfn::nl(vec![Type::Str, Type::Str], Type::Bool));
}
