use r2d2::{Pool, PooledConnection};
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

pub fn pool(url: &str) -> eyre::Result<PgPool> {
    let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
    Ok(Pool::builder().max_size(4).build(manager)?)
}

/// Keeps a dedicated connection for the pick log so every insert skips the
/// pool checkout (the arm publishes a result every ~400 ms).
pub struct PickLog {
    conn: PooledConnection<PostgresConnectionManager<NoTls>>,
}

impl PickLog {
    pub fn open(pool: &PgPool) -> eyre::Result<Self> {
        let conn = pool.get()?;
        Ok(Self { conn })
    }

    pub fn insert(&mut self, cell: &str, sku: &str, ok: bool, millis: i32) -> eyre::Result<()> {
        self.conn.execute(
            "INSERT INTO pick_log (cell, sku, ok, cycle_ms, at) VALUES ($1, $2, $3, $4, now())",
            &[&cell, &sku, &ok, &millis],
        )?;
        Ok(())
    }
}
