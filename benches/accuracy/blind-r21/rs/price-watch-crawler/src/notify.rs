use std::collections::HashMap;
use std::time::Duration;

use bigdecimal::BigDecimal;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use tracing::warn;

use crate::schema::shop_webhooks;
use crate::DbPool;

struct ShopEndpoint {
    client: reqwest::Client,
    webhook_url: String,
    secret: String,
}

/// Per-shop webhook clients. Some shops require us to call them through
/// their own egress proxy, so each shop gets its own client, built the first
/// time the shop is notified and reused afterwards.
#[derive(Default)]
pub struct Notifier {
    shops: HashMap<String, ShopEndpoint>,
}

impl Notifier {
    async fn endpoint(&mut self, pool: &DbPool, shop: &str) -> anyhow::Result<&ShopEndpoint> {
        if !self.shops.contains_key(shop) {
            let mut conn = pool.get().await?;
            let (webhook_url, proxy_url, secret): (String, Option<String>, String) = shop_webhooks::table
                .find(shop)
                .select((shop_webhooks::webhook_url, shop_webhooks::proxy_url, shop_webhooks::secret))
                .first(&mut conn)
                .await?;
            let mut builder = reqwest::Client::builder().timeout(Duration::from_secs(10));
            if let Some(proxy) = proxy_url {
                builder = builder.proxy(reqwest::Proxy::all(proxy)?);
            }
            let endpoint = ShopEndpoint { client: builder.build()?, webhook_url, secret };
            self.shops.insert(shop.to_string(), endpoint);
        }
        Ok(&self.shops[shop])
    }

    pub async fn price_drop(&mut self, pool: &DbPool, shop: &str, url: &str, old: &BigDecimal, new: &BigDecimal) {
        let endpoint = match self.endpoint(pool, shop).await {
            Ok(e) => e,
            Err(e) => {
                warn!(%shop, "no webhook configured: {e:#}");
                return;
            }
        };
        let body = serde_json::json!({ "url": url, "old_price": old.to_string(), "new_price": new.to_string() });
        let res = endpoint
            .client
            .post(&endpoint.webhook_url)
            .header("X-Webhook-Secret", &endpoint.secret)
            .json(&body)
            .send()
            .await;
        if let Err(e) = res {
            warn!(%shop, "price drop webhook failed: {e}");
        }
    }
}
