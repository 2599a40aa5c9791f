//! Nightly competitor price crawl. Started by a systemd timer, runs until the
//! frontier is exhausted, then exits.

use anyhow::Result;
use futures::StreamExt;
use redis::Commands;
use std::time::Duration;
use voyager::scraper::Selector;
use voyager::{Collector, Crawler, CrawlerConfig, RequestDelay, Response, Scraper};

mod frontier;
mod store;

#[derive(Debug)]
pub enum Page {
    Listing { retailer_id: i32, page: u32 },
    Product { retailer_id: i32 },
}

#[derive(Debug)]
pub struct PricePoint {
    pub retailer_id: i32,
    pub url: String,
    pub sku: String,
    pub price_cents: i64,
}

struct PriceScraper {
    product_link: Selector,
    next_page: Selector,
    sku: Selector,
    price: Selector,
    max_pages: u32,
    redis_url: String,
}

impl PriceScraper {
    fn new(max_pages: u32, redis_url: String) -> Self {
        Self {
            product_link: Selector::parse("a.product-tile__link").unwrap(),
            next_page: Selector::parse("a[rel=next]").unwrap(),
            sku: Selector::parse("[itemprop=sku]").unwrap(),
            price: Selector::parse("[itemprop=price]").unwrap(),
            max_pages,
            redis_url,
        }
    }
}

fn parse_cents(raw: &str) -> Option<i64> {
    let cleaned: String = raw.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
    let value: f64 = cleaned.parse().ok()?;
    Some((value * 100.0).round() as i64)
}

impl Scraper for PriceScraper {
    type Output = PricePoint;
    type State = Page;

    fn scrape(
        &mut self,
        response: Response<Self::State>,
        crawler: &mut Crawler<Self>,
    ) -> Result<Option<Self::Output>> {
        let html = response.html();
        match response.state {
            Some(Page::Listing { retailer_id, page }) => {
                for href in html
                    .select(&self.product_link)
                    .filter_map(|a| a.value().attr("href"))
                {
                    if let Ok(url) = response.response_url.join(href) {
                        crawler.visit_with_state(url, Page::Product { retailer_id });
                    }
                }
                if page < self.max_pages {
                    if let Some(next) = html
                        .select(&self.next_page)
                        .filter_map(|a| a.value().attr("href"))
                        .next()
                    {
                        if let Ok(url) = response.response_url.join(next) {
                            crawler.visit_with_state(
                                url,
                                Page::Listing { retailer_id, page: page + 1 },
                            );
                        }
                    }
                }
                Ok(None)
            }
            Some(Page::Product { retailer_id }) => {
                let sku = match html.select(&self.sku).next() {
                    Some(el) => el.text().collect::<String>().trim().to_string(),
                    None => return Ok(None),
                };
                let price_cents = match html
                    .select(&self.price)
                    .next()
                    .and_then(|el| el.value().attr("content").and_then(parse_cents))
                {
                    Some(p) => p,
                    None => return Ok(None),
                };

                // Only emit real changes: remember the last price we saw per SKU.
                let cache = redis::Client::open(self.redis_url.as_str())?;
                let mut conn = cache.get_connection()?;
                let key = format!("price:{retailer_id}:{sku}");
                let last: Option<i64> = conn.get(&key)?;
                if last == Some(price_cents) {
                    return Ok(None);
                }
                let _: () = conn.set_ex(&key, price_cents, 7 * 86_400)?;

                Ok(Some(PricePoint {
                    retailer_id,
                    url: response.response_url.to_string(),
                    sku,
                    price_cents,
                }))
            }
            None => Ok(None),
        }
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();

    let pool = store::connect().await?;
    let frontier = frontier::Frontier::open().await?;
    let retailers = frontier.due_retailers().await?;

    let mut config = CrawlerConfig::default()
        .respect_robots_txt()
        .max_concurrent_requests(16);
    for r in &retailers {
        config = config.allow_domain_with_delay(
            r.domain.clone(),
            RequestDelay::Random {
                min: Duration::from_millis(800),
                max: Duration::from_millis(2_500),
            },
        );
    }

    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let mut collector = Collector::new(PriceScraper::new(25, redis_url), config);
    for r in &retailers {
        collector.crawler_mut().visit_with_state(
            r.listing_url.as_str(),
            Page::Listing { retailer_id: r.id, page: 1 },
        );
    }

    let mut changed = 0usize;
    while let Some(output) = collector.next().await {
        match output {
            Ok(point) => {
                store::record(&pool, &point).await?;
                changed += 1;
            }
            Err(e) => tracing::warn!(error = %e, "request failed"),
        }
    }

    for r in &retailers {
        frontier.mark_crawled(r.id).await?;
    }
    tracing::info!(changed, "crawl finished");
    Ok(())
}
