use std::sync::OnceLock;
use std::time::Duration;

use redis::Commands;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

static POOL: OnceLock<r2d2::Pool<redis::Client>> = OnceLock::new();

fn pool() -> Result<&'static r2d2::Pool<redis::Client>, BoxError> {
    if let Some(p) = POOL.get() {
        return Ok(p);
    }
    let url = std::env::var("PRICING_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/3".into());
    let client = redis::Client::open(url)?;
    let built = r2d2::Pool::builder()
        .max_size(4)
        .connection_timeout(Duration::from_secs(1))
        .build(client)?;
    Ok(POOL.get_or_init(|| built))
}

fn key(sku: &str, qty: u32, currency: &str) -> String {
    format!("quote:{}:{}:{}", sku, qty, currency)
}

pub fn get(sku: &str, qty: u32, currency: &str) -> Result<Option<f64>, BoxError> {
    let mut conn = pool()?.get()?;
    Ok(conn.get(key(sku, qty, currency))?)
}

pub fn put(sku: &str, qty: u32, currency: &str, value: f64) -> Result<(), BoxError> {
    let mut conn = pool()?.get()?;
    let _: () = conn.set_ex(key(sku, qty, currency), value, 300)?;
    let _: () = conn.sadd(format!("quote-keys:{}", sku), key(sku, qty, currency))?;
    Ok(())
}

pub fn invalidate(sku: &str) -> Result<bool, BoxError> {
    let mut conn = pool()?.get()?;
    let keys: Vec<String> = conn.smembers(format!("quote-keys:{}", sku))?;
    if keys.is_empty() {
        return Ok(false);
    }
    let _: () = conn.del(&keys)?;
    let _: () = conn.del(format!("quote-keys:{}", sku))?;
    Ok(true)
}
