//! Access to the warehouse catalogue (MySQL).

use mysql::prelude::Queryable;
use mysql::{Opts, Pool};

pub struct StockRow {
    pub sku: String,
    pub description: String,
    pub on_hand: i32,
    pub bin: String,
}

fn catalog_url() -> String {
    std::env::var("CATALOG_URL")
        .unwrap_or_else(|_| "mysql://scanner:scanner@db.stockroom.lan:3306/catalog".to_string())
}

/// Opens the catalogue database.
pub fn open_pool() -> Result<Pool, mysql::Error> {
    let opts = Opts::from_url(&catalog_url())?;
    Pool::new(opts)
}

pub fn find_by_sku(pool: &Pool, sku: &str) -> Result<Option<StockRow>, mysql::Error> {
    let mut conn = pool.get_conn()?;
    let row: Option<(String, String, i32, String)> = conn.exec_first(
        "SELECT sku, description, on_hand, bin FROM stock WHERE sku = ?",
        (sku,),
    )?;
    Ok(row.map(|(sku, description, on_hand, bin)| StockRow {
        sku,
        description,
        on_hand,
        bin,
    }))
}
