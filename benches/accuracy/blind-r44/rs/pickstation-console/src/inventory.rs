use mysql::prelude::Queryable;
use mysql::{Opts, Pool, PooledConn};

pub struct Pick {
    pub id: u64,
    pub tote: String,
    pub sku: String,
    pub bin: String,
    pub qty: u32,
}

/// Pool for the WMS inventory schema.
pub fn open() -> Result<Pool, mysql::Error> {
    let url = std::env::var("WMS_DATABASE_URL")
        .unwrap_or_else(|_| "mysql://picker:picker@wms-db:3306/wms".into());
    Pool::new(Opts::from_url(&url)?)
}

pub fn next_pick(conn: &mut PooledConn, station: &str) -> Result<Option<Pick>, mysql::Error> {
    let row: Option<(u64, String, String, String, u32)> = conn.exec_first(
        "SELECT id, tote, sku, bin, qty FROM picks
          WHERE station = ? AND state = 'open'
          ORDER BY priority DESC, id LIMIT 1",
        (station,),
    )?;
    Ok(row.map(|(id, tote, sku, bin, qty)| Pick { id, tote, sku, bin, qty }))
}

pub fn confirm(conn: &mut PooledConn, pick: &Pick) -> Result<(), mysql::Error> {
    let mut tx = conn.start_transaction(mysql::TxOpts::default())?;
    tx.exec_drop("UPDATE picks SET state = 'done', updated_at = NOW() WHERE id = ?", (pick.id,))?;
    tx.exec_drop(
        "UPDATE bin_stock SET qty = qty - ? WHERE bin = ? AND sku = ?",
        (pick.qty, &pick.bin, &pick.sku),
    )?;
    tx.commit()
}
