//! Link-rot monitor: every hour, fetch each monitored site's sitemap and
//! HEAD every URL in it (16 at a time), recording the result.

mod store;

use std::time::Duration;

use deadpool_postgres::Pool;
use futures::stream::{FuturesUnordered, StreamExt};

async fn sitemap_urls(http: &reqwest::Client, sitemap: &str) -> anyhow::Result<Vec<String>> {
    let body = http.get(sitemap).send().await?.error_for_status()?.text().await?;
    let doc = roxmltree::Document::parse(&body)?;
    Ok(doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text().map(str::to_string))
        .collect())
}

async fn check_one(http: &reqwest::Client, pool: &Pool, site: &str, url: String) {
    let (status, error) = match http.head(&url).send().await {
        Ok(resp) => (Some(resp.status().as_u16()), None),
        Err(e) => (None, Some(e.to_string())),
    };
    if let Err(e) = store::record(pool, site, &url, status, error).await {
        tracing::error!(%url, "could not record check: {e:#}");
    }
}

async fn crawl_site(http: &reqwest::Client, pool: &Pool, site: &str, sitemap: &str) -> anyhow::Result<usize> {
    let urls = sitemap_urls(http, sitemap).await?;
    let total = urls.len();
    let mut pending = urls.into_iter();
    let mut in_flight = FuturesUnordered::new();
    for url in pending.by_ref().take(16) {
        in_flight.push(check_one(http, pool, site, url));
    }
    while in_flight.next().await.is_some() {
        if let Some(url) = pending.next() {
            in_flight.push(check_one(http, pool, site, url));
        }
    }
    Ok(total)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = store::connect_with_retry(&std::env::var("DATABASE_URL")?).await?;
    let http = reqwest::Client::builder()
        .user_agent("linkrot-crawler/0.8")
        .timeout(Duration::from_secs(15))
        .redirect(reqwest::redirect::Policy::limited(5))
        .pool_max_idle_per_host(16)
        .build()?;

    let mut ticker = tokio::time::interval(Duration::from_secs(3600));
    loop {
        ticker.tick().await;
        let sites = match store::sites(&pool).await {
            Ok(s) => s,
            Err(e) => {
                tracing::error!("could not load sites: {e:#}");
                continue;
            }
        };
        for (name, sitemap) in sites {
            match crawl_site(&http, &pool, &name, &sitemap).await {
                Ok(n) => tracing::info!(site = %name, checked = n, "crawl done"),
                Err(e) => tracing::error!(site = %name, "crawl failed: {e:#}"),
            }
        }
    }
}
