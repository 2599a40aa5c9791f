//! Usage: shelf-price-audit <category> [--limit N]
//!
//! Run by hand (or from the weekly release checklist). Opens one browser and
//! one database connection for the whole run and closes both at the end.

mod report;
mod scrape;

use std::env;

use anyhow::{bail, Context};
use postgres::{Client, NoTls};

fn main() -> anyhow::Result<()> {
    let mut args = env::args().skip(1);
    let Some(category) = args.next() else {
        bail!("usage: shelf-price-audit <category> [--limit N]");
    };
    let mut limit: i64 = 500;
    while let Some(flag) = args.next() {
        match flag.as_str() {
            "--limit" => limit = args.next().context("--limit needs a value")?.parse()?,
            other => bail!("unknown flag {}", other),
        }
    }

    let db_url = env::var("CATALOG_DATABASE_URL").context("CATALOG_DATABASE_URL not set")?;
    let mut db = Client::connect(&db_url, NoTls).context("connect to catalogue")?;

    let products = db.query(
        "SELECT sku, url, price_cents FROM products WHERE category = $1 AND active ORDER BY sku LIMIT $2",
        &[&category, &limit],
    )?;
    println!("auditing {} products in {}", products.len(), category);

    let browser = scrape::launch()?;
    let tab = browser.new_tab()?;

    let mut mismatches = Vec::new();
    for row in &products {
        let sku: String = row.get(0);
        let url: String = row.get(1);
        let expected: i64 = row.get(2);
        match scrape::rendered_price(&tab, &url) {
            Ok(Some(shown)) if shown != expected => mismatches.push(report::Mismatch { sku, url, expected, shown }),
            Ok(Some(_)) => {}
            Ok(None) => eprintln!("{}: no price element on {}", sku, url),
            Err(err) => eprintln!("{}: page failed: {:#}", sku, err),
        }
    }
    tab.close(true)?;
    drop(browser);

    let run_id = report::store(&mut db, &category, products.len(), &mismatches)?;
    report::post_summary(&category, run_id, products.len(), &mismatches)?;
    db.close()?;

    println!("done: {} mismatches (audit run {})", mismatches.len(), run_id);
    Ok(())
}
