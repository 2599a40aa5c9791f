use std::error::Error;

use postgres::NoTls;
use r2d2::Pool;
use r2d2_postgres::PostgresConnectionManager;

/// Mailbox quota checks. Lives in the same support database as the messages.
#[derive(Clone)]
pub struct QuotaDb {
    pool: Pool<PostgresConnectionManager<NoTls>>,
}

impl QuotaDb {
    pub fn connect() -> Result<Self, Box<dyn Error>> {
        let url = std::env::var("DATABASE_URL")?;
        let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
        let pool = Pool::builder().max_size(4).min_idle(Some(1)).build(manager)?;
        Ok(Self { pool })
    }

    pub fn has_room(&self, mailbox: &str) -> bool {
        let Ok(mut conn) = self.pool.get() else {
            return true; // fail open: never bounce mail because the quota check is down
        };
        match conn.query_opt(
            "SELECT used_bytes < limit_bytes FROM mailbox_quota WHERE mailbox = $1",
            &[&mailbox],
        ) {
            Ok(Some(row)) => row.get(0),
            _ => true,
        }
    }
}
