mod audit;

use std::convert::TryFrom;
use std::time::Duration;

use async_std::stream::{self, StreamExt};
use serde::Deserialize;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use surf::{Client, Config};

#[derive(Deserialize)]
struct OfferPage {
    price_cents: i64,
    in_stock: bool,
}

struct Watch {
    sku: String,
    url: String,
}

async fn load_watchlist(pool: &PgPool) -> sqlx::Result<Vec<Watch>> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT sku, offer_url FROM competitor_watch WHERE active")
            .fetch_all(pool)
            .await?;
    Ok(rows.into_iter().map(|(sku, url)| Watch { sku, url }).collect())
}

async fn check(http: &Client, pool: &PgPool, watch: &Watch) -> anyhow::Result<()> {
    let offer: OfferPage = http
        .get(&watch.url)
        .recv_json()
        .await
        .map_err(|e| anyhow::anyhow!("{}: {e}", watch.url))?;
    sqlx::query(
        "INSERT INTO competitor_prices (sku, price_cents, in_stock, seen_at) VALUES ($1, $2, $3, now())",
    )
    .bind(&watch.sku)
    .bind(offer.price_cents)
    .bind(offer.in_stock)
    .execute(pool)
    .await?;
    Ok(())
}

#[async_std::main]
async fn main() -> anyhow::Result<()> {
    let pool = PgPoolOptions::new()
        .max_connections(5)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;

    let config = Config::new()
        .set_timeout(Some(Duration::from_secs(20)))
        .add_header("User-Agent", "acme-price-watch/0.5 (+https://acme.example/bot)")
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let http = Client::try_from(config)
        .map_err(|e| anyhow::anyhow!("{e:?}"))?
        .with(surf::middleware::Logger::new())
        .with(audit::CrawlAudit::new(pool.clone()));

    let mut ticker = stream::interval(Duration::from_secs(10 * 60));
    while ticker.next().await.is_some() {
        let watchlist = load_watchlist(&pool).await?;
        for watch in &watchlist {
            if let Err(e) = check(&http, &pool, watch).await {
                eprintln!("price check failed: {e:#}");
            }
            async_std::task::sleep(Duration::from_secs(2)).await;
        }
    }
    Ok(())
}
