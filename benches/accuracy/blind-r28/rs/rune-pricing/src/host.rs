//! Host functions exposed to pricing scripts as `pricing::*`.

use std::collections::HashMap;
use std::env;
use std::sync::{LazyLock, Mutex, OnceLock};
use std::time::Duration;

use mongodb::bson::{doc, Document};
use mongodb::sync::Client as MongoClient;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use rune::{ContextError, Module};

type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;
type PgConn = r2d2::PooledConnection<PostgresConnectionManager<NoTls>>;

static POOL: OnceLock<PgPool> = OnceLock::new();
static HOLDS: LazyLock<Mutex<HashMap<i64, PgConn>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

pub fn init(pool: PgPool) {
    POOL.set(pool).ok().expect("pricing host initialised twice");
}

fn pool() -> &'static PgPool {
    POOL.get().expect("pricing host not initialised")
}

pub fn module() -> Result<Module, ContextError> {
    let mut m = Module::with_crate("pricing")?;
    m.function("list_price", list_price).build()?;
    m.function("competitor_price", competitor_price).build()?;
    m.function("loyalty_tier", loyalty_tier).build()?;
    m.function("hold_stock", hold_stock).build()?;
    m.function("release_hold", release_hold).build()?;
    Ok(m)
}

fn list_price(sku: String) -> i64 {
    let Ok(mut conn) = pool().get() else { return 0 };
    conn.query_opt("SELECT list_price_cents FROM skus WHERE sku = $1", &[&sku])
        .ok()
        .flatten()
        .map(|row| row.get::<_, i64>(0))
        .unwrap_or(0)
}

fn competitor_price(sku: String) -> i64 {
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_millis(400))
        .build();
    let url = format!("{}/v2/prices/{}", env::var("MARKET_FEED_URL").unwrap_or_default(), sku);
    match agent.get(&url).call() {
        Ok(resp) => resp
            .into_json::<serde_json::Value>()
            .ok()
            .and_then(|v| v["lowest_cents"].as_i64())
            .unwrap_or(0),
        Err(_) => 0,
    }
}

fn loyalty_tier(customer: String) -> String {
    let uri = env::var("CRM_MONGO_URI").unwrap_or_else(|_| "mongodb://crm-mongo:27017".to_string());
    let Ok(client) = MongoClient::with_uri_str(&uri) else { return "none".to_string() };
    let members = client.database("crm").collection::<Document>("loyalty_members");
    match members.find_one(doc! { "customer_id": &customer }).run() {
        Ok(Some(member)) => member.get_str("tier").unwrap_or("none").to_string(),
        _ => "none".to_string(),
    }
}

/// Large orders lock the SKU row-group until the script calls release_hold.
fn hold_stock(order_id: i64, sku: String, qty: i64) -> bool {
    let Ok(mut conn) = pool().get() else { return false };
    let locked = conn.execute("SELECT pg_advisory_lock(hashtext($1))", &[&sku]).is_ok();
    let reserved = locked
        && conn
            .execute(
                "UPDATE stock SET reserved = reserved + $2 WHERE sku = $1 AND on_hand - reserved >= $2",
                &[&sku, &qty],
            )
            .map(|n| n == 1)
            .unwrap_or(false);
    if reserved {
        HOLDS.lock().unwrap().insert(order_id, conn);
    }
    reserved
}

fn release_hold(order_id: i64) -> bool {
    let Some(mut conn) = HOLDS.lock().unwrap().remove(&order_id) else { return false };
    conn.batch_execute("SELECT pg_advisory_unlock_all()").is_ok()
}
