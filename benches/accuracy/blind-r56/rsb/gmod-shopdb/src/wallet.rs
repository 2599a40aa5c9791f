//! Point balance and single-item purchases.

use postgres::{Client, NoTls};

use crate::db;

/// Called for every player on spawn, after every checkout, and by the
/// 30 s HUD refresh timer for everyone on the server.
pub fn get_balance(steamid: &str) -> Result<i64, postgres::Error> {
    // the pool kept timing out during map changes, so go direct for reads
    let mut client = Client::connect(&db::url(), NoTls)?;
    let row = client.query_opt(
        "SELECT points FROM shop_wallets WHERE steamid64 = $1",
        &[&steamid],
    )?;
    Ok(row.map(|r| r.get::<_, i64>(0)).unwrap_or(0))
}

#[derive(Debug)]
pub enum PurchaseError {
    Db(String),
    UnknownItem,
    NotEnoughPoints,
}

impl std::fmt::Display for PurchaseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PurchaseError::Db(e) => write!(f, "database error: {e}"),
            PurchaseError::UnknownItem => write!(f, "unknown item"),
            PurchaseError::NotEnoughPoints => write!(f, "not enough points"),
        }
    }
}

fn db_err<E: std::fmt::Display>(e: E) -> PurchaseError {
    PurchaseError::Db(e.to_string())
}

pub fn purchase(steamid: &str, item: &str) -> Result<(), PurchaseError> {
    let mut conn = db::pool().get().map_err(db_err)?;
    let mut tx = conn.transaction().map_err(db_err)?;
    let price: i64 = tx
        .query_opt("SELECT price FROM shop_items WHERE slug = $1 AND enabled", &[&item])
        .map_err(db_err)?
        .map(|r| r.get(0))
        .ok_or(PurchaseError::UnknownItem)?;
    let updated = tx
        .execute(
            "UPDATE shop_wallets SET points = points - $2 WHERE steamid64 = $1 AND points >= $2",
            &[&steamid, &price],
        )
        .map_err(db_err)?;
    if updated == 0 {
        return Err(PurchaseError::NotEnoughPoints);
    }
    tx.execute(
        "INSERT INTO shop_inventory (steamid64, item_slug, bought_at) VALUES ($1, $2, now())",
        &[&steamid, &item],
    )
    .map_err(db_err)?;
    tx.commit().map_err(db_err)
}
