use deadpool_postgres::{Config, ManagerConfig, Object, Pool, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

/// Writes RADIUS-style accounting rows for the ISP's lawful-intercept export.
pub struct Accounting {
    pool: Pool,
    conn: Object,
}

impl Accounting {
    pub async fn new(database_url: &str) -> anyhow::Result<Self> {
        let mut cfg = Config::new();
        cfg.url = Some(database_url.to_owned());
        cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
        let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
        // keep one prepared-statement-warm connection for the whole run
        let conn = pool.get().await?;
        Ok(Self { pool, conn })
    }

    pub async fn record(&self, event: &str, mac: &str) -> anyhow::Result<()> {
        let stmt = self
            .conn
            .prepare_cached("INSERT INTO acct_events (event, mac, at) VALUES ($1, $2, now())")
            .await?;
        self.conn.execute(&stmt, &[&event, &mac]).await?;
        Ok(())
    }

    pub fn pool_status(&self) -> String {
        let s = self.pool.status();
        format!("size={} available={}", s.size, s.available)
    }
}
