use std::collections::HashMap;

use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};

/// Open weigh tickets. While a truck is on site we hold a dedicated
/// connection that owns a session-level advisory lock on the plate, so
/// the office UI cannot edit the ticket mid-weighing.
pub struct Tickets {
    pool: PgPool,
    open: HashMap<String, PoolConnection<Postgres>>,
}

impl Tickets {
    pub fn new(pool: PgPool) -> Self {
        Self { pool, open: HashMap::new() }
    }

    pub async fn weigh_in(&mut self, plate: &str, gross_kg: i32) -> Result<(), sqlx::Error> {
        let mut conn = self.pool.acquire().await?;
        sqlx::query("SELECT pg_advisory_lock(hashtext($1))")
            .bind(plate)
            .execute(&mut *conn)
            .await?;
        sqlx::query(
            "INSERT INTO weigh_tickets (plate, gross_kg, opened_at) VALUES ($1, $2, now())",
        )
        .bind(plate)
        .bind(gross_kg)
        .execute(&mut *conn)
        .await?;
        self.open.insert(plate.to_string(), conn);
        Ok(())
    }

    pub async fn weigh_out(&mut self, plate: &str, tare_kg: i32) -> Result<(), sqlx::Error> {
        let Some(mut conn) = self.open.remove(plate) else {
            tracing::warn!("weigh-out for {plate} without an open ticket");
            return Ok(());
        };
        sqlx::query(
            "UPDATE weigh_tickets SET tare_kg = $2, closed_at = now() \
             WHERE plate = $1 AND closed_at IS NULL",
        )
        .bind(plate)
        .bind(tare_kg)
        .execute(&mut *conn)
        .await?;
        sqlx::query("SELECT pg_advisory_unlock(hashtext($1))")
            .bind(plate)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    /// Operator cancelled the weighing at the indicator.
    pub async fn void(&mut self, plate: &str) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE weigh_tickets SET voided = true, closed_at = now() \
             WHERE plate = $1 AND closed_at IS NULL",
        )
        .bind(plate)
        .execute(&self.pool)
        .await?;
        tracing::info!("ticket for {plate} voided");
        Ok(())
    }
}
