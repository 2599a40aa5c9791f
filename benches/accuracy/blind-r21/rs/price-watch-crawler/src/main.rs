//! Crawls watched product pages with headless Chromium every 30 minutes,
//! records prices and notifies the owning shop when a price drops.

mod notify;
mod schema;
mod scrape;

use std::time::Duration;

use chromiumoxide::browser::{Browser, BrowserConfig};
use diesel_async::pooled_connection::deadpool::Pool;
use diesel_async::pooled_connection::AsyncDieselConnectionManager;
use diesel_async::AsyncPgConnection;
use futures::StreamExt;
use tracing::{error, info};

pub type DbPool = Pool<AsyncPgConnection>;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let database_url = std::env::var("DATABASE_URL")?;
    let manager = AsyncDieselConnectionManager::<AsyncPgConnection>::new(database_url);
    let pool: DbPool = Pool::builder(manager).max_size(6).build()?;

    let (mut browser, mut handler) = Browser::launch(
        BrowserConfig::builder()
            .no_sandbox()
            .request_timeout(Duration::from_secs(30))
            .build()
            .map_err(anyhow::Error::msg)?,
    )
    .await?;
    let browser_events = tokio::spawn(async move {
        while let Some(event) = handler.next().await {
            if event.is_err() {
                break;
            }
        }
    });

    let mut notifier = notify::Notifier::default();
    let mut tick = tokio::time::interval(Duration::from_secs(30 * 60));
    loop {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => break,
            _ = tick.tick() => {
                match scrape::crawl_round(&browser, &pool, &mut notifier).await {
                    Ok(n) => info!(pages = n, "crawl round finished"),
                    Err(e) => error!("crawl round failed: {e:#}"),
                }
            }
        }
    }

    browser.close().await?;
    browser_events.await?;
    Ok(())
}
