//! Fetch one competitor page and pull the price out with its CSS selector.

use std::time::Duration;

use scraper::{Html, Selector};

use crate::db::Target;
use crate::Ctx;

fn parse_cents(raw: &str) -> Option<i64> {
    let cleaned: String = raw
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    let normalised = cleaned.replace(',', ".");
    let value: f64 = normalised.parse().ok()?;
    Some((value * 100.0).round() as i64)
}

pub async fn observe(ctx: &Ctx, target: &Target) -> anyhow::Result<i64> {
    let http = reqwest::Client::builder()
        .user_agent(ctx.user_agent.as_str())
        .gzip(true)
        .timeout(Duration::from_secs(20))
        .build()?;

    let body = http
        .get(&target.url)
        .send()
        .await?
        .error_for_status()?
        .text()
        .await?;

    let document = Html::parse_document(&body);
    let selector = Selector::parse(&target.selector)
        .map_err(|e| anyhow::anyhow!("bad selector {:?}: {e}", target.selector))?;
    let text = document
        .select(&selector)
        .next()
        .map(|el| el.text().collect::<String>())
        .ok_or_else(|| anyhow::anyhow!("price element not found"))?;

    parse_cents(&text).ok_or_else(|| anyhow::anyhow!("unparseable price {text:?}"))
}
