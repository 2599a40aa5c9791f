//! MySQL access. The pool is created once per WasmEdge instance by main and
//! handed to every request as a clone (a reference-counted handle).

use mysql_async::prelude::*;
use mysql_async::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};
use serde::{Deserialize, Serialize};
use std::time::Duration;

#[derive(Debug, Serialize, Deserialize)]
pub struct Order {
    pub order_id: i64,
    pub product_id: i64,
    pub quantity: i32,
    pub amount_cents: i64,
    pub shipping_address: String,
}

/// Factory used only from main.
pub fn build_pool(url: &str) -> anyhow::Result<Pool> {
    let opts = Opts::from_url(url)?;
    let constraints = PoolConstraints::new(2, 8).expect("valid constraints");
    let pool_opts = PoolOpts::default()
        .with_constraints(constraints)
        .with_inactive_connection_ttl(Duration::from_secs(60));
    Ok(Pool::new(OptsBuilder::from_opts(opts).pool_opts(pool_opts)))
}

/// Block start-up until MySQL answers, at most ~30 s.
pub async fn wait_ready(pool: &Pool) -> anyhow::Result<()> {
    for attempt in 1..=15 {
        match pool.get_conn().await {
            Ok(mut conn) => {
                conn.ping().await?;
                return Ok(());
            }
            Err(e) => {
                eprintln!("mysql not ready ({e}), attempt {attempt}/15");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
        }
    }
    anyhow::bail!("mysql never became ready")
}

pub async fn init_schema(pool: &Pool) -> anyhow::Result<()> {
    let mut conn = pool.get_conn().await?;
    conn.query_drop(
        r"CREATE TABLE IF NOT EXISTS orders (
            order_id BIGINT PRIMARY KEY,
            product_id BIGINT NOT NULL,
            quantity INT NOT NULL,
            amount_cents BIGINT NOT NULL,
            shipping_address VARCHAR(1024) NOT NULL
        )",
    )
    .await?;
    Ok(())
}

pub async fn insert(pool: &Pool, o: &Order) -> mysql_async::Result<()> {
    let mut conn = pool.get_conn().await?;
    r"INSERT INTO orders (order_id, product_id, quantity, amount_cents, shipping_address)
      VALUES (:order_id, :product_id, :quantity, :amount_cents, :shipping_address)"
        .with(params! {
            "order_id" => o.order_id,
            "product_id" => o.product_id,
            "quantity" => o.quantity,
            "amount_cents" => o.amount_cents,
            "shipping_address" => &o.shipping_address,
        })
        .ignore(&mut conn)
        .await
}

pub async fn list(pool: &Pool) -> mysql_async::Result<Vec<Order>> {
    let mut conn = pool.get_conn().await?;
    "SELECT order_id, product_id, quantity, amount_cents, shipping_address FROM orders ORDER BY order_id DESC LIMIT 100"
        .with(())
        .map(&mut conn, |(order_id, product_id, quantity, amount_cents, shipping_address)| Order {
            order_id,
            product_id,
            quantity,
            amount_cents,
            shipping_address,
        })
        .await
}
