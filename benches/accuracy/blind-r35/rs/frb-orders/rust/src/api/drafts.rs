//! Draft order editor. While a draft is open the rep holds a session-level
//! advisory lock on the customer so two reps cannot edit the same basket.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use sqlx::pool::PoolConnection;
use sqlx::Postgres;

use crate::db;

static OPEN_DRAFTS: LazyLock<Mutex<HashMap<String, PoolConnection<Postgres>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

pub async fn open_draft(customer_id: i64) -> anyhow::Result<String> {
    let pool = db::shared().await?;
    let mut conn = pool.acquire().await?;
    sqlx::query("SELECT pg_advisory_lock($1)")
        .bind(customer_id)
        .execute(&mut *conn)
        .await?;
    let draft_id = uuid::Uuid::new_v4().to_string();
    sqlx::query("INSERT INTO draft_orders (id, customer_id) VALUES ($1::uuid, $2)")
        .bind(&draft_id)
        .bind(customer_id)
        .execute(&mut *conn)
        .await?;
    OPEN_DRAFTS.lock().unwrap().insert(draft_id.clone(), conn);
    Ok(draft_id)
}

pub async fn add_line(draft_id: String, sku: String, qty: i32) -> anyhow::Result<()> {
    let pool = db::shared().await?;
    sqlx::query("INSERT INTO draft_lines (draft_id, sku, qty) VALUES ($1::uuid, $2, $3)")
        .bind(&draft_id)
        .bind(&sku)
        .bind(qty)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn submit_draft(draft_id: String) -> anyhow::Result<i64> {
    let conn = OPEN_DRAFTS.lock().unwrap().remove(&draft_id);
    let Some(mut conn) = conn else {
        anyhow::bail!("draft {draft_id} is not open");
    };
    let (order_id,): (i64,) = sqlx::query_as("SELECT promote_draft($1::uuid)")
        .bind(&draft_id)
        .fetch_one(&mut *conn)
        .await?;
    sqlx::query("SELECT pg_advisory_unlock_all()").execute(&mut *conn).await?;
    Ok(order_id)
}

pub async fn discard_draft(draft_id: String) -> anyhow::Result<()> {
    let pool = db::shared().await?;
    sqlx::query("DELETE FROM draft_orders WHERE id = $1::uuid")
        .bind(&draft_id)
        .execute(pool)
        .await?;
    Ok(())
}
