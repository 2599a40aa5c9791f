use std::thread;
use std::time::Duration;

use catalog_procs::db;
use catalog_procs::model::Product;
use sonic_channel::{Dest, IngestChannel, PushRequest, SonicChannel};

const POLL_EVERY: Duration = Duration::from_secs(60);

fn main() {
    let pool = db::make_pool(2).expect("catalog database unavailable");
    let sonic_addr = std::env::var("SONIC_ADDR").unwrap_or_else(|_| "localhost:1491".to_string());
    let sonic_pass = std::env::var("SONIC_PASSWORD").unwrap_or_else(|_| "SecretPassword".to_string());
    let ingest = IngestChannel::start(sonic_addr, sonic_pass).expect("sonic ingest channel");

    let mut watermark: i64 = 0;
    loop {
        match reindex_changed(&pool, &ingest, watermark) {
            Ok(Some(next)) => watermark = next,
            Ok(None) => {}
            Err(err) => eprintln!("reindex pass failed: {err}"),
        }
        thread::sleep(POLL_EVERY);
    }
}

fn reindex_changed(pool: &db::PgPool, ingest: &IngestChannel, since: i64) -> Result<Option<i64>, Box<dyn std::error::Error>> {
    let mut conn = pool.get()?;
    let rows = conn.query(
        "SELECT id, sku, title, description, price_cents, \
                EXTRACT(EPOCH FROM updated_at)::bigint AS changed \
         FROM products WHERE EXTRACT(EPOCH FROM updated_at)::bigint > $1 ORDER BY updated_at LIMIT 1000",
        &[&since],
    )?;
    if rows.is_empty() {
        return Ok(None);
    }

    let mut newest = since;
    for row in &rows {
        let product = Product::from_row(row);
        let dest = Dest::col_buc("catalog", "products").obj(format!("product:{}", product.id));
        ingest.push(PushRequest::new(dest, format!("{} {} {}", product.sku, product.title, product.description)))?;
        newest = newest.max(row.get::<_, i64>("changed"));
    }
    println!("indexed {} products up to {newest}", rows.len());
    Ok(Some(newest))
}
