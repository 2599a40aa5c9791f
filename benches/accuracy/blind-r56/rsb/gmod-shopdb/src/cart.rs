//! Multi-item carts. The shop menu opens a cart, the player adds items while
//! browsing, and checkout buys everything in one transaction.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use r2d2::PooledConnection;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

use crate::db;

type PgConn = PooledConnection<PostgresConnectionManager<NoTls>>;

struct Cart {
    conn: PgConn,
    items: Vec<String>,
}

// Each open cart keeps its own connection so checkout does not have to wait
// for the pool while the server is busy.
static CARTS: LazyLock<Mutex<HashMap<String, Cart>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

pub fn open_cart(steamid: &str) -> Result<(), r2d2::Error> {
    let mut carts = CARTS.lock().unwrap();
    if carts.contains_key(steamid) {
        return Ok(());
    }
    let conn = db::pool().get()?;
    carts.insert(steamid.to_string(), Cart { conn, items: Vec::new() });
    Ok(())
}

pub fn add_to_cart(steamid: &str, item: &str) -> Result<(), String> {
    let mut carts = CARTS.lock().unwrap();
    let cart = carts.get_mut(steamid).ok_or("no open cart")?;
    if cart.items.len() >= 20 {
        return Err("cart is full".into());
    }
    cart.items.push(item.to_string());
    Ok(())
}

pub fn checkout_cart(steamid: &str) -> Result<(), String> {
    let Some(mut cart) = CARTS.lock().unwrap().remove(steamid) else {
        return Err("no open cart".into());
    };
    let mut tx = cart.conn.transaction().map_err(|e| e.to_string())?;
    let total: i64 = tx
        .query_one(
            "SELECT COALESCE(SUM(price), 0)::bigint FROM shop_items WHERE slug = ANY($1) AND enabled",
            &[&cart.items],
        )
        .map_err(|e| e.to_string())?
        .get(0);
    let updated = tx
        .execute(
            "UPDATE shop_wallets SET points = points - $2 WHERE steamid64 = $1 AND points >= $2",
            &[&steamid, &total],
        )
        .map_err(|e| e.to_string())?;
    if updated == 0 {
        return Err("not enough points".into());
    }
    for item in &cart.items {
        tx.execute(
            "INSERT INTO shop_inventory (steamid64, item_slug, bought_at) VALUES ($1, $2, now())",
            &[&steamid, item],
        )
        .map_err(|e| e.to_string())?;
    }
    tx.commit().map_err(|e| e.to_string())
}
