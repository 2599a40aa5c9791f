//! Host functions exposed to the pricing rules as `Deno.core.ops.*`.
//! Every op below is invoked from JS, i.e. once or more per order event.
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use deno_core::error::AnyError;
use deno_core::{op2, OpState, Resource, ResourceId};
use mongodb::bson::{doc, Document};
use redis::AsyncCommands;
use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};

#[op2(async)]
#[string]
pub async fn op_customer_tier(#[string] customer_id: String) -> Result<String, AnyError> {
    let mongo = mongodb::Client::with_uri_str(std::env::var("CRM_MONGO_URL")?).await?;
    let customers = mongo.database("crm").collection::<Document>("customers");
    let tier = customers
        .find_one(doc! { "_id": &customer_id })
        .await?
        .and_then(|d| d.get_str("tier").ok().map(str::to_owned))
        .unwrap_or_else(|| "standard".to_owned());
    Ok(tier)
}

#[op2(async)]
#[bigint]
pub async fn op_bump_counter(#[string] key: String, #[smi] ttl_secs: u32) -> Result<i64, AnyError> {
    let client = redis::Client::open(std::env::var("REDIS_URL")?)?;
    let mut conn = client.get_multiplexed_async_connection().await?;
    let n: i64 = conn.incr(&key, 1).await?;
    if n == 1 {
        let _: () = conn.expire(&key, ttl_secs as i64).await?;
    }
    Ok(n)
}

/// A pooled connection lent to a rule while it holds a row lock on a SKU.
struct SkuLock {
    conn: RefCell<Option<PoolConnection<Postgres>>>,
}

impl Resource for SkuLock {
    fn name(&self) -> Cow<str> {
        "skuLock".into()
    }
}

#[op2(async)]
#[smi]
pub async fn op_lock_sku(
    state: Rc<RefCell<OpState>>,
    #[string] sku: String,
) -> Result<ResourceId, AnyError> {
    let pool = state.borrow().borrow::<PgPool>().clone();
    let mut conn = pool.acquire().await?;
    sqlx::query("SELECT pg_advisory_lock(hashtext($1))")
        .bind(&sku)
        .execute(&mut *conn)
        .await?;
    let rid = state
        .borrow_mut()
        .resource_table
        .add(SkuLock { conn: RefCell::new(Some(conn)) });
    Ok(rid)
}

#[op2(async)]
pub async fn op_reserve(
    state: Rc<RefCell<OpState>>,
    #[smi] rid: ResourceId,
    #[string] sku: String,
    #[smi] qty: i32,
) -> Result<(), AnyError> {
    let lock = state.borrow().resource_table.get::<SkuLock>(rid)?;
    let mut conn = lock.conn.borrow_mut().take().ok_or_else(|| deno_core::error::generic_error("lock released"))?;
    sqlx::query("UPDATE stock SET reserved = reserved + $2 WHERE sku = $1")
        .bind(&sku)
        .bind(qty)
        .execute(&mut *conn)
        .await?;
    lock.conn.borrow_mut().replace(conn);
    Ok(())
}

#[op2(async)]
pub async fn op_release_sku(
    state: Rc<RefCell<OpState>>,
    #[smi] rid: ResourceId,
    #[string] sku: String,
) -> Result<(), AnyError> {
    let lock = state.borrow_mut().resource_table.take::<SkuLock>(rid)?;
    if let Some(mut conn) = lock.conn.borrow_mut().take() {
        sqlx::query("SELECT pg_advisory_unlock(hashtext($1))")
            .bind(&sku)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
