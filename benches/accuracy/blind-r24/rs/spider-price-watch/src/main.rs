//! Competitor price watcher. Crawls each configured shop once an hour, extracts
//! product prices from every crawled page and stores price points in MongoDB.
//! Sharp drops are pushed to the alerts collection.

use std::time::Duration;

use anyhow::Result;
use spider::website::Website;

mod alerts;
mod extract;
mod store;

use store::PriceStore;

pub struct Config {
    pub shops: Vec<String>,
    pub mongo_uri: String,
    pub redis_url: String,
}

impl Config {
    fn from_env() -> Self {
        Self {
            shops: std::env::var("SHOPS")
                .unwrap_or_else(|_| "https://shop-a.example,https://shop-b.example".into())
                .split(',')
                .map(str::to_string)
                .collect(),
            mongo_uri: std::env::var("MONGODB_URI").unwrap_or_else(|_| "mongodb://localhost:27017".into()),
            redis_url: std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()),
        }
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();
    let cfg = Config::from_env();
    let store = PriceStore::connect(&cfg.mongo_uri).await?;

    let mut hourly = tokio::time::interval(Duration::from_secs(3600));
    loop {
        hourly.tick().await;
        for shop in &cfg.shops {
            if let Err(e) = crawl_shop(&cfg, &store, shop).await {
                tracing::error!(%shop, "crawl failed: {e:#}");
            }
        }
    }
}

async fn crawl_shop(cfg: &Config, store: &PriceStore, shop: &str) -> Result<()> {
    let mut website = Website::new(shop);
    website
        .with_respect_robots_txt(true)
        .with_limit(2_000)
        .with_delay(250)
        .with_user_agent(Some("PriceWatchBot/1.2 (+ops@example.com)"));

    let mut rx = website.subscribe(64).expect("subscribe requires the sync feature");
    let store = store.clone();
    let redis_url = cfg.redis_url.clone();
    let shop_name = shop.to_string();

    let consumer = tokio::spawn(async move {
        while let Ok(page) = rx.recv().await {
            let url = page.get_url().to_string();
            let html = page.get_html();
            let Some(product) = extract::product(&url, &html) else { continue };

            // Skip pages whose price did not change since the last crawl.
            let mut seen = match redis::Client::open(redis_url.as_str())?.get_multiplexed_async_connection().await {
                Ok(c) => c,
                Err(e) => {
                    tracing::warn!("redis unavailable: {e}");
                    continue;
                }
            };
            let key = format!("pw:last:{}", product.sku);
            let last: Option<i64> = redis::cmd("GET").arg(&key).query_async(&mut seen).await.unwrap_or(None);
            if last == Some(product.price_cents) {
                continue;
            }
            let _: () = redis::cmd("SET").arg(&key).arg(product.price_cents).arg("EX").arg(86_400 * 7).query_async(&mut seen).await?;

            store.record(&shop_name, &product).await?;
            if let Some(prev) = last {
                alerts::maybe_alert(&shop_name, &product, prev).await?;
            }
        }
        anyhow::Ok(())
    });

    website.crawl().await;
    website.unsubscribe();
    consumer.await??;
    Ok(())
}
