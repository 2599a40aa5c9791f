use std::sync::mpsc::Receiver;
use std::time::Duration;

use mysql::prelude::Queryable;
use mysql::{params, Opts, Pool};
use rusqlite::Connection;

pub fn connect() -> anyhow::Result<Pool> {
    let url = std::env::var("CENTRAL_MYSQL_URL")?;
    let pool = Pool::new(Opts::from_url(&url)?)?;
    Ok(pool)
}

pub fn run(central: Pool, journal: Connection, till_id: &str, rx: Receiver<i64>) {
    while let Ok(rowid) = rx.recv() {
        // A short pause lets the scan burst finish; the journal is the source of truth.
        std::thread::sleep(Duration::from_millis(200));
        if let Err(err) = mirror_one(&central, &journal, till_id, rowid) {
            eprintln!("mirror of sale {rowid} deferred: {err:#}");
        }
    }
}

fn mirror_one(central: &Pool, journal: &Connection, till_id: &str, rowid: i64) -> anyhow::Result<()> {
    let (sku, qty, price, sold_at): (String, i64, i64, String) = journal.query_row(
        "SELECT sku, qty, price_cents, sold_at FROM sales WHERE id = ?1",
        [rowid],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;

    let mut conn = central.get_conn()?;
    conn.exec_drop(
        "INSERT IGNORE INTO till_sales (till_id, local_id, sku, qty, price_cents, sold_at) \
         VALUES (:till, :local_id, :sku, :qty, :price, :sold_at)",
        params! {
            "till" => till_id,
            "local_id" => rowid,
            "sku" => sku,
            "qty" => qty,
            "price" => price,
            "sold_at" => sold_at,
        },
    )?;
    journal.execute("UPDATE sales SET mirrored = 1 WHERE id = ?1", [rowid])?;
    Ok(())
}
