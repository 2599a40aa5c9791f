use std::env;
use std::sync::OnceLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use postgres::{Client, NoTls};
use redis::Commands;

static QUOTA_POOL: OnceLock<r2d2::Pool<redis::Client>> = OnceLock::new();

fn quota_pool() -> &'static r2d2::Pool<redis::Client> {
    QUOTA_POOL.get_or_init(|| {
        let url = env::var("TENANT_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/2".into());
        let client = redis::Client::open(url).expect("TENANT_REDIS_URL is not a valid redis URL");
        r2d2::Pool::builder()
            .max_size(16)
            .connection_timeout(Duration::from_millis(200))
            .build(client)
            .expect("redis pool")
    })
}

fn database_url() -> String {
    env::var("TENANT_DATABASE_URL")
        .unwrap_or_else(|_| "host=127.0.0.1 user=varnish dbname=tenants".to_string())
}

pub fn tenant_for_host(host: &str) -> Result<String, postgres::Error> {
    let domain = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    let mut client = Client::connect(&database_url(), NoTls)?;
    let row = client.query_opt(
        "SELECT t.slug FROM tenant_domains d JOIN tenants t ON t.id = d.tenant_id \
         WHERE d.domain = $1 AND t.active",
        &[&domain],
    )?;
    Ok(row.map(|r| r.get::<_, String>(0)).unwrap_or_default())
}

pub fn over_quota(tenant: &str, limit: i64) -> Result<bool, Box<dyn std::error::Error>> {
    let minute = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs() / 60;
    let key = format!("quota:{tenant}:{minute}");
    let mut conn = quota_pool().get()?;
    let used: i64 = conn.incr(&key, 1)?;
    if used == 1 {
        let _: () = conn.expire(&key, 120)?;
    }
    Ok(used > limit)
}

pub fn report_ban(tenant: &str, pattern: &str) -> Result<(), Box<ureq::Error>> {
    let audit_url = env::var("BAN_AUDIT_URL")
        .unwrap_or_else(|_| "http://127.0.0.1:8081/internal/bans".to_string());
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(2))
        .build();
    agent
        .post(&audit_url)
        .send_json(serde_json::json!({ "tenant": tenant, "pattern": pattern }))
        .map_err(Box::new)?;
    Ok(())
}
