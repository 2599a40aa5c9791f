use bigdecimal::BigDecimal;
use chromiumoxide::Browser;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use std::str::FromStr;
use tracing::warn;

use crate::notify::Notifier;
use crate::schema::{price_observations, watched_products};
use crate::DbPool;

#[derive(Queryable, Selectable)]
#[diesel(table_name = watched_products)]
struct Watched {
    id: i64,
    shop: String,
    url: String,
    price_selector: String,
    last_price: Option<BigDecimal>,
}

fn parse_price(text: &str) -> Option<BigDecimal> {
    let cleaned: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect::<String>()
        .replace(',', ".");
    BigDecimal::from_str(&cleaned).ok()
}

/// One crawl round: every active product page is opened in a new tab of the
/// shared browser, read, and closed again.
pub async fn crawl_round(browser: &Browser, pool: &DbPool, notifier: &mut Notifier) -> anyhow::Result<usize> {
    let products: Vec<Watched> = {
        let mut conn = pool.get().await?;
        watched_products::table
            .filter(watched_products::active.eq(true))
            .select(Watched::as_select())
            .load(&mut conn)
            .await?
    };

    let mut crawled = 0;
    for product in products {
        let page = match browser.new_page(product.url.as_str()).await {
            Ok(p) => p,
            Err(e) => {
                warn!(url = %product.url, "cannot open page: {e}");
                continue;
            }
        };
        let price_text = async {
            page.wait_for_navigation().await?;
            page.find_element(product.price_selector.as_str()).await?.inner_text().await
        }
        .await;
        let _ = page.close().await;

        let Some(price) = price_text.ok().flatten().as_deref().and_then(parse_price) else {
            warn!(url = %product.url, "price not found");
            continue;
        };

        {
            let mut conn = pool.get().await?;
            diesel::insert_into(price_observations::table)
                .values((
                    price_observations::product_id.eq(product.id),
                    price_observations::price.eq(&price),
                    price_observations::observed_at.eq(chrono::Utc::now()),
                ))
                .execute(&mut conn)
                .await?;
            diesel::update(watched_products::table.find(product.id))
                .set(watched_products::last_price.eq(&price))
                .execute(&mut conn)
                .await?;
        }

        if let Some(previous) = &product.last_price {
            if &price < previous {
                notifier.price_drop(pool, &product.shop, &product.url, previous, &price).await;
            }
        }
        crawled += 1;
    }
    Ok(crawled)
}
