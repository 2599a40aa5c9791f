mod sheets;

use std::str::FromStr;
use std::time::Duration;

use rust_decimal::Decimal;
use serde_json::Value;
use sqlx::mysql::MySqlPoolOptions;

struct Settings {
    sheet_id: String,
    range: String,
    database_url: String,
}

fn cell(row: &[Value], idx: usize) -> Option<String> {
    row.get(idx).and_then(|v| v.as_str()).map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

async fn sync_once(auth: &sheets::Auth, settings: &Settings) -> anyhow::Result<usize> {
    let hub = sheets::make_hub(auth.clone())?;
    let (_, range) = hub
        .spreadsheets()
        .values_get(&settings.sheet_id, &settings.range)
        .doit()
        .await?;
    let rows = range.values.unwrap_or_default();

    let pool = MySqlPoolOptions::new()
        .max_connections(4)
        .connect(&settings.database_url)
        .await?;

    let mut tx = pool.begin().await?;
    let mut applied = 0;
    for row in &rows {
        let (Some(sku), Some(price)) = (cell(row, 0), cell(row, 2)) else { continue };
        let Ok(price) = Decimal::from_str(&price.replace(',', "")) else {
            tracing::warn!(%sku, "unparseable price, skipping");
            continue;
        };
        let promo = cell(row, 3);
        sqlx::query(
            "INSERT INTO catalog_prices (sku, list_price, promo_code, updated_at) VALUES (?, ?, ?, NOW()) \
             ON DUPLICATE KEY UPDATE list_price = VALUES(list_price), promo_code = VALUES(promo_code), updated_at = NOW()",
        )
        .bind(&sku)
        .bind(price)
        .bind(promo)
        .execute(&mut *tx)
        .await?;
        applied += 1;
    }
    tx.commit().await?;
    pool.close().await;
    Ok(applied)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let settings = Settings {
        sheet_id: std::env::var("PRICE_SHEET_ID")?,
        range: std::env::var("PRICE_SHEET_RANGE").unwrap_or_else(|_| "Prices!A2:D".into()),
        database_url: std::env::var("DATABASE_URL")?,
    };
    let auth = sheets::service_account_auth("/etc/price-sync/service-account.json").await?;

    let mut tick = tokio::time::interval(Duration::from_secs(300));
    loop {
        tokio::select! {
            _ = tick.tick() => {
                match sync_once(&auth, &settings).await {
                    Ok(n) => tracing::info!(rows = n, "price sheet synced"),
                    Err(e) => tracing::error!(error = %e, "price sync failed"),
                }
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    Ok(())
}
