use std::collections::HashMap;
use std::error::Error;
use std::sync::{LazyLock, Mutex};

use deadpool_postgres::Object;
use neon::prelude::*;
use redis::AsyncCommands;

use crate::{audit, db, runtime};

type BoxError = Box<dyn Error + Send + Sync>;

/// Connections holding a row lock on `stock` until the JS side confirms the
/// reservation (payment captured) or it is released.
static HELD: LazyLock<Mutex<HashMap<String, Object>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// `lookupSku(sku: string): Promise<number>` -- available units, cache first.
pub fn lookup_sku(mut cx: FunctionContext) -> JsResult<JsPromise> {
    let sku = cx.argument::<JsString>(0)?.value(&mut cx);
    let channel = cx.channel();
    let (deferred, promise) = cx.promise();

    runtime().spawn(async move {
        let result = cached_on_hand(&sku).await;
        deferred.settle_with(&channel, move |mut cx| match result {
            Ok(n) => Ok(cx.number(n as f64)),
            Err(e) => cx.throw_error(e.to_string()),
        });
    });
    Ok(promise)
}

async fn cached_on_hand(sku: &str) -> Result<i64, BoxError> {
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let cache = redis::Client::open(redis_url)?;
    let mut conn = cache.get_multiplexed_async_connection().await?;
    let key = format!("stock:{sku}");
    if let Some(n) = conn.get::<_, Option<i64>>(&key).await? {
        return Ok(n);
    }

    let client = db::pool().get().await?;
    let row = client
        .query_opt("SELECT on_hand::bigint FROM stock WHERE sku = $1", &[&sku])
        .await?;
    let n: i64 = row.map(|r| r.get(0)).unwrap_or(0);
    let _: () = conn.set_ex(&key, n, 30).await?;
    Ok(n)
}

/// `reserveStock(reservationId, sku, qty): Promise<number>` -- remaining units.
pub fn reserve_stock(mut cx: FunctionContext) -> JsResult<JsPromise> {
    let reservation_id = cx.argument::<JsString>(0)?.value(&mut cx);
    let sku = cx.argument::<JsString>(1)?.value(&mut cx);
    let qty = cx.argument::<JsNumber>(2)?.value(&mut cx) as i32;
    let channel = cx.channel();
    let (deferred, promise) = cx.promise();

    runtime().spawn(async move {
        let result = hold_stock(reservation_id, sku, qty).await;
        deferred.settle_with(&channel, move |mut cx| match result {
            Ok(remaining) => Ok(cx.number(remaining as f64)),
            Err(e) => cx.throw_error(e.to_string()),
        });
    });
    Ok(promise)
}

async fn hold_stock(reservation_id: String, sku: String, qty: i32) -> Result<i32, BoxError> {
    let conn = db::pool().get().await?;
    conn.batch_execute("BEGIN").await?;
    let row = conn
        .query_one("SELECT on_hand FROM stock WHERE sku = $1 FOR UPDATE", &[&sku])
        .await?;
    let on_hand: i32 = row.get(0);
    conn.execute(
        "UPDATE stock SET on_hand = on_hand - $2 WHERE sku = $1",
        &[&sku, &qty],
    )
    .await?;
    HELD.lock().unwrap().insert(reservation_id.clone(), conn);

    if on_hand < qty {
        return Err(format!("only {on_hand} units of {sku} left").into());
    }
    Ok(on_hand - qty)
}

/// `confirmReservation(reservationId, sku, qty): Promise<void>`
pub fn confirm_reservation(mut cx: FunctionContext) -> JsResult<JsPromise> {
    let reservation_id = cx.argument::<JsString>(0)?.value(&mut cx);
    let sku = cx.argument::<JsString>(1)?.value(&mut cx);
    let qty = cx.argument::<JsNumber>(2)?.value(&mut cx) as i32;
    let channel = cx.channel();
    let (deferred, promise) = cx.promise();

    runtime().spawn(async move {
        let result = async {
            let conn = HELD
                .lock()
                .unwrap()
                .remove(&reservation_id)
                .ok_or("unknown reservation")?;
            conn.batch_execute("COMMIT").await?;
            drop(conn);
            audit::record(&reservation_id, &sku, qty, "confirmed").await
        }
        .await;
        deferred.settle_with(&channel, move |mut cx| match result {
            Ok(()) => Ok(cx.undefined()),
            Err(e) => cx.throw_error(e.to_string()),
        });
    });
    Ok(promise)
}
