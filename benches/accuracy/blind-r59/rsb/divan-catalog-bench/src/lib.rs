//! Catalog read path shared by the storefront API. Benchmarked in
//! benches/catalog.rs against the perf database before every release.

use postgres::Client;
use serde::Deserialize;

#[derive(Debug, Clone)]
pub struct Product {
    pub sku: String,
    pub title: String,
    pub price_cents: i64,
    pub in_stock: bool,
}

pub fn lookup(client: &mut Client, skus: &[String]) -> Result<Vec<Product>, postgres::Error> {
    let rows = client.query(
        "SELECT p.sku, p.title, p.price_cents, coalesce(s.on_hand, 0) > 0
           FROM products p
           LEFT JOIN stock_totals s USING (sku)
          WHERE p.sku = ANY($1)",
        &[&skus],
    )?;
    Ok(rows
        .into_iter()
        .map(|r| Product { sku: r.get(0), title: r.get(1), price_cents: r.get(2), in_stock: r.get(3) })
        .collect())
}

pub fn category_page(client: &mut Client, category: &str, page: i64) -> Result<Vec<String>, postgres::Error> {
    let rows = client.query(
        "SELECT sku FROM products WHERE category = $1 AND active
          ORDER BY popularity DESC, sku LIMIT 48 OFFSET $2",
        &[&category, &(page * 48)],
    )?;
    Ok(rows.into_iter().map(|r| r.get(0)).collect())
}

#[derive(Deserialize)]
pub struct SearchHit {
    pub sku: String,
}

pub fn search(http: &reqwest::blocking::Client, base: &str, q: &str) -> reqwest::Result<Vec<SearchHit>> {
    http.get(format!("{base}/v1/search"))
        .query(&[("q", q), ("limit", "48")])
        .send()?
        .error_for_status()?
        .json()
}
