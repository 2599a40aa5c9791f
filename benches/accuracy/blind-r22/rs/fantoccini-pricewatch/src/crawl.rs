use anyhow::Context;
use fantoccini::{Client, Locator};

use crate::media;
use crate::store::{self, Observation};
use crate::Config;

/// One full pass over every configured category listing.
pub async fn run_once(browser: &Client, s3: &aws_sdk_s3::Client, cfg: &Config) -> anyhow::Result<()> {
    for category in &cfg.category_urls {
        let links = product_links(browser, category)
            .await
            .with_context(|| format!("listing {category}"))?;
        tracing::info!(category, products = links.len(), "category scanned");

        for link in links {
            match scrape_product(browser, &link).await {
                Ok(mut obs) => {
                    obs.image_keys = media::mirror_images(s3, &cfg.bucket, &link, &obs.image_keys).await;
                    let db = store::connect(&cfg.mongo_uri).await?;
                    db.record(obs).await?;
                }
                Err(e) => tracing::warn!(%link, "skipping product: {e:#}"),
            }
        }
    }
    Ok(())
}

async fn product_links(browser: &Client, category: &str) -> anyhow::Result<Vec<String>> {
    browser.goto(category).await?;
    let mut out = Vec::new();
    for a in browser.find_all(Locator::Css("a.product-card__link")).await? {
        if let Some(href) = a.attr("href").await? {
            let absolute = url::Url::parse(category)?.join(&href)?;
            out.push(absolute.to_string());
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

async fn scrape_product(browser: &Client, link: &str) -> anyhow::Result<Observation> {
    browser.goto(link).await?;
    let title = browser.find(Locator::Css("h1.product-title")).await?.text().await?;

    let price_cents = match browser.find(Locator::Css("[itemprop=price]")).await {
        Ok(el) => el
            .attr("content")
            .await?
            .and_then(|p| p.parse::<f64>().ok())
            .map(|p| (p * 100.0).round() as i64),
        Err(_) => None,
    };
    let currency = match browser.find(Locator::Css("[itemprop=priceCurrency]")).await {
        Ok(el) => el.attr("content").await?,
        Err(_) => None,
    };
    let in_stock = browser
        .find(Locator::Css("button.add-to-cart:not([disabled])"))
        .await
        .is_ok();

    let mut images = Vec::new();
    for img in browser.find_all(Locator::Css(".gallery img")).await? {
        if let Some(src) = img.attr("src").await? {
            images.push(src);
        }
    }

    Ok(Observation {
        url: link.to_string(),
        title: title.trim().to_string(),
        price_cents,
        currency,
        in_stock,
        image_keys: images,
    })
}
