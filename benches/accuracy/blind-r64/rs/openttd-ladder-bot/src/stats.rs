use sqlx::postgres::{PgPool, PgPoolOptions};

/// Player activity (joins, names, play time) for the community site.
pub struct Stats {
    pool: PgPool,
}

impl Stats {
    pub async fn connect(url: &str) -> sqlx::Result<Self> {
        let pool = PgPoolOptions::new().max_connections(5).connect(url).await?;
        Ok(Self { pool })
    }

    pub async fn client_seen(&self, client_id: u32, name: &str, company: u8) -> sqlx::Result<()> {
        sqlx::query(
            "INSERT INTO players (name, last_client_id, last_company, last_seen) VALUES ($1, $2, $3, now()) \
             ON CONFLICT (name) DO UPDATE SET last_client_id = $2, last_company = $3, last_seen = now()",
        )
        .bind(name)
        .bind(client_id as i64)
        .bind(company as i16)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
