//! Observed competitor prices.

use sqlx::postgres::{PgPool, PgPoolOptions};

pub struct PriceBook {
    pool: PgPool,
}

impl PriceBook {
    /// Built once from main; the price book keeps its own pool.
    pub async fn connect(url: &str) -> Result<Self, sqlx::Error> {
        let pool = PgPoolOptions::new().max_connections(4).connect(url).await?;
        Ok(Self { pool })
    }

    pub async fn record(&self, sku: &str, cents: i64, in_stock: bool) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO competitor_prices (sku, cents, in_stock, seen_at) \
             VALUES ($1, $2, $3, now())",
        )
        .bind(sku)
        .bind(cents)
        .bind(in_stock)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE tracked_products SET last_crawled_at = now() WHERE sku = $1")
            .bind(sku)
            .execute(&mut *tx)
            .await?;
        tx.commit().await
    }
}

/// "£1,234.56" -> 123456
pub fn parse_cents(text: &str) -> Option<i64> {
    let digits: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let (whole, frac) = digits.split_once('.').unwrap_or((digits.as_str(), "0"));
    let whole: i64 = whole.parse().ok()?;
    let frac: i64 = format!("{:0<2}", &frac[..frac.len().min(2)]).parse().ok()?;
    Some(whole * 100 + frac)
}
