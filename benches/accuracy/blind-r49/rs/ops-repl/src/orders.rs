use anyhow::Result;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::Row;

pub struct Orders {
    pool: PgPool,
}

impl Orders {
    pub async fn connect(url: &str) -> Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(5)
            .connect(url)
            .await?;
        Ok(Self { pool })
    }

    pub async fn show(&self, id: i64) -> Result<()> {
        let row = sqlx::query("SELECT status, total_cents FROM orders WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some(r) => println!(
                "order {id}: {} ({} cents)",
                r.get::<String, _>("status"),
                r.get::<i64, _>("total_cents")
            ),
            None => println!("order {id} not found"),
        }
        Ok(())
    }

    pub async fn cancel(&self, id: i64) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let n = sqlx::query("UPDATE orders SET status = 'cancelled' WHERE id = $1 AND status = 'open'")
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n == 0 {
            println!("order {id} is not open");
            return Ok(());
        }
        sqlx::query("INSERT INTO order_audit (order_id, action) VALUES ($1, 'cancel')")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        println!("order {id} cancelled");
        Ok(())
    }
}
