use qdrant_client::qdrant::{PointStruct, UpsertPointsBuilder};
use qdrant_client::{Payload, Qdrant};
use serde_json::json;
use sqlx::SqlitePool;
use zbus::{fdo, interface};

pub struct Inventory {
    pub pool: SqlitePool,
    pub qdrant_url: String,
}

fn failed<E: std::fmt::Display>(e: E) -> fdo::Error {
    fdo::Error::Failed(e.to_string())
}

#[interface(name = "org.example.Inventory1")]
impl Inventory {
    async fn stock(&self, sku: &str) -> fdo::Result<u32> {
        let qty: Option<i64> = sqlx::query_scalar("SELECT qty FROM stock WHERE sku = ?")
            .bind(sku)
            .fetch_optional(&self.pool)
            .await
            .map_err(failed)?;
        Ok(qty.unwrap_or(0) as u32)
    }

    async fn reserve(&self, sku: &str, qty: u32, order_id: &str) -> fdo::Result<u32> {
        let mut conn = self.pool.acquire().await.map_err(failed)?;
        // pool.begin() issues a deferred BEGIN; we need the write lock before reading stock.
        sqlx::query("BEGIN IMMEDIATE").execute(&mut *conn).await.map_err(failed)?;

        let available: i64 = sqlx::query_scalar("SELECT qty FROM stock WHERE sku = ?")
            .bind(sku)
            .fetch_optional(&mut *conn)
            .await
            .map_err(failed)?
            .unwrap_or(0);
        if available < qty as i64 {
            return Err(fdo::Error::Failed(format!("only {available} of {sku} left")));
        }

        sqlx::query("UPDATE stock SET qty = qty - ? WHERE sku = ?")
            .bind(qty as i64)
            .bind(sku)
            .execute(&mut *conn)
            .await
            .map_err(failed)?;
        sqlx::query("INSERT INTO reservations (order_id, sku, qty) VALUES (?, ?, ?)")
            .bind(order_id)
            .bind(sku)
            .bind(qty as i64)
            .execute(&mut *conn)
            .await
            .map_err(failed)?;
        sqlx::query("COMMIT").execute(&mut *conn).await.map_err(failed)?;

        Ok((available - qty as i64) as u32)
    }

    async fn index_item(&self, sku: &str, embedding: Vec<f64>) -> fdo::Result<()> {
        let (id, name): (i64, String) = sqlx::query_as("SELECT id, name FROM items WHERE sku = ?")
            .bind(sku)
            .fetch_one(&self.pool)
            .await
            .map_err(failed)?;

        let qdrant = Qdrant::from_url(&self.qdrant_url).build().map_err(failed)?;
        let payload: Payload = json!({ "sku": sku, "name": name }).try_into().map_err(failed)?;
        let vector: Vec<f32> = embedding.into_iter().map(|v| v as f32).collect();
        qdrant
            .upsert_points(
                UpsertPointsBuilder::new("items", vec![PointStruct::new(id as u64, vector, payload)]).wait(true),
            )
            .await
            .map_err(failed)?;
        Ok(())
    }

    #[zbus(property)]
    async fn sku_count(&self) -> u32 {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM stock")
            .fetch_one(&self.pool)
            .await
            .unwrap_or(0) as u32
    }
}
