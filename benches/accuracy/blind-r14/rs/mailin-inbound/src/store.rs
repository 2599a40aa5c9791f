use std::error::Error;

use postgres::NoTls;
use r2d2::Pool;
use r2d2_postgres::PostgresConnectionManager;

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

pub fn open_pool(database_url: &str) -> Result<PgPool, Box<dyn Error>> {
    let manager = PostgresConnectionManager::new(database_url.parse()?, NoTls);
    let pool = Pool::builder().max_size(8).build(manager)?;
    Ok(pool)
}

#[derive(Clone)]
pub struct MailStore {
    pool: PgPool,
}

impl MailStore {
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }

    pub fn save(&self, from: &str, to: &[String], raw: &[u8], verdict: &str) -> Result<i64, Box<dyn Error>> {
        let mut conn = self.pool.get()?;
        let mut tx = conn.transaction()?;
        let row = tx.query_one(
            "INSERT INTO inbound_messages (mail_from, raw, scan_verdict) VALUES ($1, $2, $3) RETURNING id",
            &[&from, &raw, &verdict],
        )?;
        let id: i64 = row.get(0);
        for rcpt in to {
            tx.execute(
                "INSERT INTO inbound_recipients (message_id, rcpt) VALUES ($1, $2)",
                &[&id, rcpt],
            )?;
        }
        tx.commit()?;
        Ok(id)
    }
}
