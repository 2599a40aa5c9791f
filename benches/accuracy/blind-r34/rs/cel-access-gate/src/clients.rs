use std::sync::LazyLock;
use std::time::Duration;

use crate::AccessRequest;

pub type RedisPool = r2d2::Pool<redis::Client>;

/// Called once from main; the pool is cloned (an Arc) into each request's context.
pub fn redis_pool() -> anyhow::Result<RedisPool> {
    let client = redis::Client::open(std::env::var("REDIS_URL")?)?;
    let pool = r2d2::Pool::builder()
        .max_size(6)
        .connection_timeout(Duration::from_secs(2))
        .build(client)?;
    Ok(pool)
}

static SIEM: LazyLock<ureq::Agent> = LazyLock::new(|| {
    ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(3))
        .build()
});

pub fn report_denial(req: &AccessRequest, policy: &str) {
    let Ok(url) = std::env::var("SIEM_URL") else { return };
    let result = SIEM
        .post(&url)
        .send_json(ureq::json!({ "event": "access_denied", "policy": policy, "request": req }));
    if let Err(e) = result {
        eprintln!("SIEM report failed: {e}");
    }
}
