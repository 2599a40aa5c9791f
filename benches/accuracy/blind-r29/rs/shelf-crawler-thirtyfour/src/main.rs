mod catalog;
mod pricing;
mod snapshots;

use std::time::Duration;

use thirtyfour::prelude::*;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let webdriver_url =
        std::env::var("WEBDRIVER_URL").unwrap_or_else(|_| "http://localhost:9515".into());
    let db_url = std::env::var("DATABASE_URL")?;
    let mongo_uri = std::env::var("MONGO_URI")?;

    let catalog = catalog::Catalog::connect(&db_url).await?;
    let prices = pricing::PriceBook::connect(&db_url).await?;

    let caps = DesiredCapabilities::chrome();
    let driver = WebDriver::new(&webdriver_url, caps).await?;

    let mut ticker = tokio::time::interval(Duration::from_secs(3600));
    loop {
        ticker.tick().await;
        let targets = match catalog.tracked_products().await {
            Ok(t) => t,
            Err(e) => {
                tracing::error!("catalog query failed: {e}");
                continue;
            }
        };
        for target in targets {
            if let Err(e) = driver.goto(&target.url).await {
                tracing::warn!("goto {} failed: {e}", target.url);
                continue;
            }
            let price = match driver.find(By::Css("[data-testid='price']")).await {
                Ok(el) => el.text().await.unwrap_or_default(),
                Err(_) => continue,
            };
            let in_stock = driver
                .find(By::Css("button.add-to-basket"))
                .await
                .is_ok();
            let Some(cents) = pricing::parse_cents(&price) else {
                tracing::debug!("unparseable price {price:?} on {}", target.url);
                continue;
            };
            if let Err(e) = prices.record(target.sku.as_str(), cents, in_stock).await {
                tracing::error!("price insert failed: {e}");
            }
            let html = driver.source().await.unwrap_or_default();
            if let Err(e) = snapshots::store(&mongo_uri, &target.sku, &target.url, &html).await {
                tracing::warn!("snapshot failed for {}: {e}", target.sku);
            }
            tokio::time::sleep(Duration::from_millis(1500)).await;
        }
    }
}
