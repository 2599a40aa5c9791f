mod crawl;
mod media;
mod store;

use std::time::Duration;

use anyhow::Context;
use fantoccini::ClientBuilder;
use serde_json::json;

pub struct Config {
    pub webdriver_url: String,
    pub mongo_uri: String,
    pub bucket: String,
    pub category_urls: Vec<String>,
}

impl Config {
    fn from_env() -> anyhow::Result<Self> {
        Ok(Self {
            webdriver_url: std::env::var("WEBDRIVER_URL")
                .unwrap_or_else(|_| "http://localhost:4444".into()),
            mongo_uri: std::env::var("MONGO_URI").context("MONGO_URI")?,
            bucket: std::env::var("MEDIA_BUCKET").context("MEDIA_BUCKET")?,
            category_urls: std::env::var("CATEGORY_URLS")
                .context("CATEGORY_URLS")?
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
        })
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_env_filter("info").init();
    let cfg = Config::from_env()?;

    // One browser session for the lifetime of the process.
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({ "args": ["--headless=new", "--disable-gpu", "--window-size=1280,2000"] }),
    );
    let browser = ClientBuilder::rustls()?
        .capabilities(caps)
        .connect(&cfg.webdriver_url)
        .await
        .context("connecting to webdriver")?;

    let aws = aws_config::load_from_env().await;
    let s3 = aws_sdk_s3::Client::new(&aws);

    let mut every = tokio::time::interval(Duration::from_secs(6 * 60 * 60));
    loop {
        tokio::select! {
            _ = every.tick() => {
                if let Err(e) = crawl::run_once(&browser, &s3, &cfg).await {
                    tracing::error!("crawl failed: {e:#}");
                }
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }

    browser.close().await?;
    Ok(())
}
