//! Loyalty points plugin for pos-bus.

use std::sync::OnceLock;

use anyhow::Context;
use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use redis::Commands;
use serde::Deserialize;

const GOLD_THRESHOLD: i64 = 5_000;

static POOL: OnceLock<Pool<PostgresConnectionManager<NoTls>>> = OnceLock::new();

#[derive(Deserialize)]
struct PosEvent {
    kind: String,
    till: String,
    card: Option<String>,
    total_cents: i64,
}

#[no_mangle]
pub extern "C" fn plugin_init() -> i32 {
    let url = match std::env::var("LOYALTY_DATABASE_URL") {
        Ok(u) => u,
        Err(_) => return 1,
    };
    let Ok(config) = url.parse() else { return 2 };
    match Pool::builder().max_size(4).build(PostgresConnectionManager::new(config, NoTls)) {
        Ok(pool) => {
            let _ = POOL.set(pool);
            0
        }
        Err(_) => 3,
    }
}

/// # Safety
/// `ptr` must point to `len` readable bytes for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn plugin_on_event(ptr: *const u8, len: usize) -> i32 {
    let bytes = std::slice::from_raw_parts(ptr, len);
    match handle(bytes) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("loyalty: {e:#}");
            -1
        }
    }
}

fn handle(bytes: &[u8]) -> anyhow::Result<()> {
    let event: PosEvent = serde_json::from_slice(bytes)?;
    let (Some(card), "sale") = (event.card.as_deref(), event.kind.as_str()) else {
        return Ok(());
    };
    let points = event.total_cents / 100;

    let pool = POOL.get().context("plugin_init was not called")?;
    let mut conn = pool.get()?;
    conn.batch_execute("BEGIN")?;
    let balance: i64 = conn
        .query_one(
            "UPDATE loyalty_accounts SET points = points + $2 WHERE card = $1 RETURNING points",
            &[&card, &points],
        )?
        .get(0);
    if balance >= GOLD_THRESHOLD {
        conn.execute(
            "UPDATE loyalty_accounts SET tier = 'gold' WHERE card = $1 AND tier <> 'gold'",
            &[&card],
        )?;
    }
    conn.batch_execute("COMMIT")?;

    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let mut display = redis::Client::open(redis_url.as_str())?.get_connection()?;
    let _: () = display.publish(
        format!("till:{}:display", event.till),
        format!("+{points} points (balance {balance})"),
    )?;
    Ok(())
}
