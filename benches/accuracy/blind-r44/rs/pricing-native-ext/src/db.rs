use postgres::{Client, NoTls};

/// Opens a connection to the catalogue database.
pub fn connect() -> Result<Client, postgres::Error> {
    let url = std::env::var("PRICING_DATABASE_URL")
        .unwrap_or_else(|_| "host=localhost user=storefront dbname=catalogue".to_string());
    Client::connect(&url, NoTls)
}

pub struct TierPrice {
    pub unit_minor: i64,
    pub currency: String,
}

/// Best matching volume tier for `qty` units of `sku`.
pub fn tier_price(client: &mut Client, sku: &str, qty: u32) -> Result<Option<TierPrice>, postgres::Error> {
    let row = client.query_opt(
        "SELECT unit_price_minor, currency
           FROM price_list
          WHERE sku = $1 AND min_qty <= $2 AND active
          ORDER BY min_qty DESC
          LIMIT 1",
        &[&sku, &(qty as i32)],
    )?;
    Ok(row.map(|r| TierPrice {
        unit_minor: r.get(0),
        currency: r.get(1),
    }))
}

/// Records the quote for the pricing analytics dashboard.
pub fn log_quote(client: &mut Client, sku: &str, qty: u32, currency: &str, total: f64) -> Result<(), postgres::Error> {
    client.execute(
        "INSERT INTO quote_log (sku, qty, currency, total, quoted_at) VALUES ($1, $2, $3, $4, now())",
        &[&sku, &(qty as i32), &currency, &total],
    )?;
    Ok(())
}
