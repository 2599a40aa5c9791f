use anyhow::Result;
use sqlx::postgres::PgPool;
use sqlx::Row;

pub struct Customers {
    pool: PgPool,
}

impl Customers {
    pub async fn connect(url: &str) -> Result<Self> {
        let pool = PgPool::connect(url).await?;
        Ok(Self { pool })
    }

    pub async fn find(&self, email: &str) -> Result<()> {
        let rows = sqlx::query("SELECT id, name FROM customers WHERE email ILIKE $1 LIMIT 20")
            .bind(format!("%{email}%"))
            .fetch_all(&self.pool)
            .await?;
        for r in rows {
            println!("{:>8}  {}", r.get::<i64, _>("id"), r.get::<String, _>("name"));
        }
        Ok(())
    }
}
