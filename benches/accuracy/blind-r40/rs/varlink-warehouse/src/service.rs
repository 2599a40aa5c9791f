//! varlink calls arrive on the listener's worker threads; the database work is
//! run on the tokio runtime that owns the pool.

use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use tokio::runtime::Runtime;

use crate::org_example_warehouse::{
    Call_Release, Call_Reserve, Call_Stock, Reservation, VarlinkCallError, VarlinkInterface,
};

pub struct Warehouse {
    rt: Runtime,
    pool: PgPool,
}

enum Reserved {
    Ok(i64),
    Short(i64),
}

impl Warehouse {
    pub fn new(rt: Runtime, pool: PgPool) -> Warehouse {
        Warehouse { rt, pool }
    }

    async fn reserve_tx(&self, sku: &str, qty: i64, order: &str) -> Result<Reserved, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let available: i64 =
            sqlx::query_scalar("SELECT available FROM stock WHERE sku = $1 FOR UPDATE")
                .bind(sku)
                .fetch_optional(&mut *tx)
                .await?
                .unwrap_or(0);
        if available < qty {
            tx.rollback().await?;
            return Ok(Reserved::Short(available));
        }
        sqlx::query("UPDATE stock SET available = available - $2 WHERE sku = $1")
            .bind(sku)
            .bind(qty)
            .execute(&mut *tx)
            .await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO reservations (sku, qty, order_ref) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(sku)
        .bind(qty)
        .bind(order)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Reserved::Ok(id))
    }

    /// Returns false when the reservation does not exist.
    async fn release_tx(&self, reservation_id: i64) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let row: Option<(String, i64, bool)> = sqlx::query_as(
            "SELECT sku, qty, released FROM reservations WHERE id = $1 FOR UPDATE",
        )
        .bind(reservation_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((sku, qty, released)) = row else {
            tx.rollback().await?;
            return Ok(false);
        };
        if released {
            tx.rollback().await?;
            return Ok(true);
        }

        sqlx::query("UPDATE reservations SET released = true, released_at = now() WHERE id = $1")
            .bind(reservation_id)
            .execute(&mut *tx)
            .await?;
        // Zero-quantity lines come from split orders; nothing to put back.
        if qty == 0 {
            return Ok(true);
        }
        sqlx::query("UPDATE stock SET available = available + $2 WHERE sku = $1")
            .bind(&sku)
            .bind(qty)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Stock reads go to the reporting replica so pick stations polling the
    /// screen do not load the primary.
    async fn stock_from_replica(&self, sku: &str) -> Result<i64, sqlx::Error> {
        let replica_url = std::env::var("REPLICA_DATABASE_URL")
            .unwrap_or_else(|_| "postgres://warehouse_ro@pg-replica/warehouse".to_owned());
        let replica = PgPoolOptions::new()
            .max_connections(1)
            .connect(&replica_url)
            .await?;
        let available: Option<i64> =
            sqlx::query_scalar("SELECT available FROM stock WHERE sku = $1")
                .bind(sku)
                .fetch_optional(&replica)
                .await?;
        Ok(available.unwrap_or(0))
    }
}

impl VarlinkInterface for Warehouse {
    fn reserve(
        &self,
        call: &mut dyn Call_Reserve,
        sku: String,
        qty: i64,
        order: String,
    ) -> varlink::Result<()> {
        match self.rt.block_on(self.reserve_tx(&sku, qty, &order)) {
            Ok(Reserved::Ok(id)) => call.reply(Reservation { id, sku, qty }),
            Ok(Reserved::Short(available)) => call.reply_out_of_stock(sku, available),
            Err(err) => call.reply_store_unavailable(err.to_string()),
        }
    }

    fn release(&self, call: &mut dyn Call_Release, reservation_id: i64) -> varlink::Result<()> {
        match self.rt.block_on(self.release_tx(reservation_id)) {
            Ok(true) => call.reply(),
            Ok(false) => call.reply_unknown_reservation(reservation_id),
            Err(err) => call.reply_store_unavailable(err.to_string()),
        }
    }

    fn stock(&self, call: &mut dyn Call_Stock, sku: String) -> varlink::Result<()> {
        match self.rt.block_on(self.stock_from_replica(&sku)) {
            Ok(available) => call.reply(available),
            Err(err) => call.reply_store_unavailable(err.to_string()),
        }
    }
}
