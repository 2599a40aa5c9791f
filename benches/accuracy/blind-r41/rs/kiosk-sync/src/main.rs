mod logging;

use std::thread;
use std::time::Duration;

use anyhow::Context;
use postgres::{Client, NoTls};

fn sync_prices(db: &mut Client, store_id: &str) -> anyhow::Result<u64> {
    let mut tx = db.transaction()?;
    let changed = tx.execute(
        "UPDATE shelf_labels l SET price_cents = p.price_cents, synced_at = now()
           FROM hq_prices p
          WHERE l.store_id = $1 AND l.sku = p.sku AND l.price_cents <> p.price_cents",
        &[&store_id],
    )?;
    let stale: i64 = tx
        .query_one(
            "SELECT count(*) FROM shelf_labels WHERE store_id = $1 AND synced_at < now() - interval '1 day'",
            &[&store_id],
        )?
        .get(0);
    tx.commit()?;
    if stale > 0 {
        log::warn!("{stale} shelf labels have not synced for a day");
    }
    Ok(changed)
}

fn main() -> anyhow::Result<()> {
    let store_id = std::env::var("STORE_ID").context("STORE_ID")?;
    let redis_url = std::env::var("OPS_REDIS_URL").unwrap_or_else(|_| "redis://ops-board.internal:6379/2".into());
    logging::init(&store_id, redis_url, std::env::var("ONCALL_WEBHOOK").ok())?;

    let dsn = std::env::var("KIOSK_DATABASE_URL").context("KIOSK_DATABASE_URL")?;
    let mut db = Client::connect(&dsn, NoTls).context("connect to store database")?;
    log::info!("kiosk-sync started for store {store_id}");

    loop {
        if db.is_closed() {
            log::error!("store database connection lost, reconnecting");
            match Client::connect(&dsn, NoTls) {
                Ok(fresh) => db = fresh,
                Err(err) => log::error!("reconnect failed: {err}"),
            }
        }
        match sync_prices(&mut db, &store_id) {
            Ok(0) => log::debug!("prices up to date"),
            Ok(n) => log::info!("updated {n} shelf labels"),
            Err(err) => log::error!("price sync failed: {err:#}"),
        }
        thread::sleep(Duration::from_secs(10));
    }
}
