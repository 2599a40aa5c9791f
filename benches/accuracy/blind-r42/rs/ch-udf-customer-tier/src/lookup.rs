use postgres::{Client, NoTls};
use redis::Commands;

/// Both connections are opened once when ClickHouse starts the pooled
/// process and are reused for every chunk of every query it sends us.
pub struct Lookup {
    cache: redis::Connection,
    crm: Client,
}

impl Lookup {
    pub fn open() -> Result<Self, Box<dyn std::error::Error>> {
        let redis_url = std::env::var("TIER_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/2".into());
        let cache = redis::Client::open(redis_url)?.get_connection()?;
        let crm = Client::connect(
            &std::env::var("CRM_PG").unwrap_or_else(|_| "host=crm-replica user=clickhouse_udf dbname=crm".into()),
            NoTls,
        )?;
        Ok(Self { cache, crm })
    }

    pub fn tier(&mut self, customer_id: u64) -> String {
        let key = format!("tier:{customer_id}");
        if let Ok(Some(t)) = self.cache.get::<_, Option<String>>(&key) {
            return t;
        }
        let tier = self
            .crm
            .query_opt("SELECT tier FROM customers WHERE id = $1", &[&(customer_id as i64)])
            .ok()
            .flatten()
            .map(|row| row.get::<_, String>(0))
            .unwrap_or_else(|| "unknown".to_string());
        let _: Result<(), _> = self.cache.set_ex(&key, &tier, 3600);
        tier
    }
}
