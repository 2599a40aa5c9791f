use std::sync::{LazyLock, OnceLock};
use std::time::Duration;

use postgres::NoTls;
use r2d2::Pool;
use r2d2_postgres::PostgresConnectionManager;
use serde::Deserialize;

type PgPool = Pool<PostgresConnectionManager<NoTls>>;

static POOL: OnceLock<PgPool> = OnceLock::new();

static GEO: LazyLock<ureq::Agent> = LazyLock::new(|| {
    ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(3))
        .max_idle_connections_per_host(4)
        .build()
});

pub struct Features {
    pub days_since_login: f64,
    pub seats: f64,
    pub tickets_open: f64,
}

#[derive(Deserialize)]
struct Region {
    region: String,
}

pub fn init(url: &str) -> Result<(), Box<dyn std::error::Error>> {
    if POOL.get().is_some() {
        return Ok(());
    }
    let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
    let pool = Pool::builder()
        .max_size(4)
        .connection_timeout(Duration::from_secs(5))
        .build(manager)?;
    let _ = POOL.set(pool);
    Ok(())
}

fn pool() -> Result<&'static PgPool, Box<dyn std::error::Error>> {
    POOL.get().ok_or_else(|| "connect_scoring_db() has not been called".into())
}

pub fn features(customer_id: i32) -> Result<Features, Box<dyn std::error::Error>> {
    let mut conn = pool()?.get()?;
    let row = conn.query_one(
        "SELECT days_since_login::float8, seats::float8, tickets_open::float8 FROM churn_features WHERE customer_id = $1",
        &[&customer_id],
    )?;
    Ok(Features { days_since_login: row.get(0), seats: row.get(1), tickets_open: row.get(2) })
}

pub fn store_score(customer_id: i32, score: f64) -> Result<(), Box<dyn std::error::Error>> {
    let mut conn = pool()?.get()?;
    let mut tx = conn.transaction()?;
    tx.execute("DELETE FROM churn_scores WHERE customer_id = $1 AND scored_on = current_date", &[&customer_id])?;
    tx.execute("INSERT INTO churn_scores (customer_id, score, scored_on) VALUES ($1, $2, current_date)", &[&customer_id, &score])?;
    tx.commit()?;
    Ok(())
}

pub fn region_for(postcode: &str) -> Result<String, Box<dyn std::error::Error>> {
    let region: Region = GEO
        .get("https://geo.internal.example.com/v1/postcode")
        .query("code", postcode)
        .call()?
        .into_json()?;
    Ok(region.region)
}
