use sqlx::mysql::MySqlPool;

/// Writes one row per protocol command into `inventory_audit`.
pub struct Audit {
    pool: MySqlPool,
}

impl Audit {
    pub async fn init() -> anyhow::Result<Self> {
        let url = std::env::var("DATABASE_URL")?;
        let pool = MySqlPool::connect(&url).await?;
        Ok(Self { pool })
    }

    pub async fn log(&self, peer: &str, command: &str) {
        let res = sqlx::query("INSERT INTO inventory_audit (peer, command) VALUES (?, ?)")
            .bind(peer)
            .bind(command)
            .execute(&self.pool)
            .await;
        if let Err(err) = res {
            log::warn!("audit write failed: {err}");
        }
    }
}
