use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use restate_sdk::prelude::*;
use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};

/// Session-level advisory locks must stay on the connection that took them,
/// so the connection is parked here until `release` is invoked for the same SKU.
static HELD: LazyLock<Mutex<HashMap<String, PoolConnection<Postgres>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

#[restate_sdk::object]
pub trait StockHold {
    async fn acquire(order_id: String) -> HandlerResult<bool>;
    async fn release(order_id: String) -> HandlerResult<()>;
}

pub struct StockHoldImpl {
    pool: PgPool,
}

impl StockHoldImpl {
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }
}

impl StockHold for StockHoldImpl {
    async fn acquire(&self, ctx: ObjectContext<'_>, order_id: String) -> HandlerResult<bool> {
        let sku = ctx.key().to_string();
        let mut conn = self.pool.acquire().await?;
        let locked: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock(hashtext($1))")
            .bind(&sku)
            .fetch_one(&mut *conn)
            .await?;
        if !locked {
            return Ok(false);
        }
        sqlx::query("UPDATE stock SET held_by = $1 WHERE sku = $2")
            .bind(&order_id)
            .bind(&sku)
            .execute(&mut *conn)
            .await?;
        HELD.lock().unwrap().insert(sku, conn);
        Ok(true)
    }

    async fn release(&self, ctx: ObjectContext<'_>, order_id: String) -> HandlerResult<()> {
        let sku = ctx.key().to_string();
        let conn = HELD.lock().unwrap().remove(&sku);
        if let Some(mut conn) = conn {
            sqlx::query("UPDATE stock SET held_by = NULL WHERE sku = $1 AND held_by = $2")
                .bind(&sku)
                .bind(&order_id)
                .execute(&mut *conn)
                .await?;
            sqlx::query("SELECT pg_advisory_unlock(hashtext($1))")
                .bind(&sku)
                .execute(&mut *conn)
                .await?;
        }
        Ok(())
    }
}
