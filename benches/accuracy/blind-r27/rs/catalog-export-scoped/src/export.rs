//! Dumps one shard of the catalogue to `<out>/catalog-<shard>.csv`.

use std::path::{Path, PathBuf};

use mysql::prelude::Queryable;
use mysql::Pool;

type ProductRow = (u64, String, String, u64, u32, Option<String>);

pub fn dump_shard(pool: &Pool, shard: u32, out_dir: &Path) -> anyhow::Result<(PathBuf, usize)> {
    let mut conn = pool.get_conn()?;
    let path = out_dir.join(format!("catalog-{shard:02}.csv"));
    let mut writer = csv::Writer::from_path(&path)?;
    writer.write_record(["id", "sku", "title", "price_cents", "stock", "gtin"])?;

    let mut last_id: u64 = 0;
    let mut written = 0usize;
    loop {
        let page: Vec<ProductRow> = conn.exec(
            "SELECT id, sku, title, price_cents, stock, gtin
               FROM products
              WHERE shard_id = ? AND id > ? AND published = 1
              ORDER BY id
              LIMIT 5000",
            (shard, last_id),
        )?;
        let Some(last) = page.last() else { break };
        last_id = last.0;

        for (id, sku, title, price, stock, gtin) in &page {
            writer.write_record([
                id.to_string(),
                sku.clone(),
                title.clone(),
                price.to_string(),
                stock.to_string(),
                gtin.clone().unwrap_or_default(),
            ])?;
        }
        written += page.len();
    }
    writer.flush()?;
    Ok((path, written))
}
