use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr};

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::types::ipnetwork::IpNetwork;
use tokio::sync::Mutex;

/// Maps addresses to origin ASNs using the routing team's prefix table.
pub struct AsnDirectory {
    pool: PgPool,
    cache: Mutex<HashMap<Ipv4Addr, u32>>,
}

impl AsnDirectory {
    pub async fn load(database_url: &str) -> Result<Self, sqlx::Error> {
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .connect(database_url)
            .await?;
        Ok(Self { pool, cache: Mutex::new(HashMap::new()) })
    }

    pub async fn lookup(&self, ip: Ipv4Addr) -> u32 {
        if let Some(asn) = self.cache.lock().await.get(&ip) {
            return *asn;
        }
        let asn: Option<i64> = sqlx::query_scalar(
            "SELECT asn FROM asn_prefixes WHERE prefix >>= $1 ORDER BY masklen(prefix) DESC LIMIT 1",
        )
        .bind(IpNetwork::from(IpAddr::V4(ip)))
        .fetch_optional(&self.pool)
        .await
        .unwrap_or(None);
        let asn = asn.unwrap_or(0) as u32;
        self.cache.lock().await.insert(ip, asn);
        asn
    }
}
