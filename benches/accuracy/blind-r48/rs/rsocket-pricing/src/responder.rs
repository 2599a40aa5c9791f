use std::sync::Arc;

use arangors::{AqlQuery, Connection};
use async_trait::async_trait;
use rsocket_rust::prelude::*;
use rsocket_rust::Result;
use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};
use tokio::sync::Mutex;

use crate::model::{FxRate, Product, Quote, QuoteRequest};

pub struct Settings {
    pub arango_url: String,
    pub arango_user: String,
    pub arango_password: String,
    pub fx_url: String,
    pub events_url: String,
}

impl Settings {
    pub fn from_env() -> anyhow::Result<Self> {
        Ok(Self {
            arango_url: std::env::var("ARANGO_URL")?,
            arango_user: std::env::var("ARANGO_USER")?,
            arango_password: std::env::var("ARANGO_PASSWORD")?,
            fx_url: std::env::var("FX_API_URL")?,
            events_url: std::env::var("EVENTS_DATABASE_URL")?,
        })
    }
}

pub struct PricingResponder {
    tenant: String,
    settings: Arc<Settings>,
    events: PgPool,
    fx: reqwest::Client,
    view_conn: Mutex<Option<PoolConnection<Postgres>>>,
}

impl PricingResponder {
    pub fn new(tenant: String, settings: Arc<Settings>, events: PgPool, fx: reqwest::Client) -> Self {
        Self { tenant, settings, events, fx, view_conn: Mutex::new(None) }
    }
}

#[async_trait]
impl RSocket for PricingResponder {
    async fn metadata_push(&self, _req: Payload) -> Result<()> {
        Ok(())
    }

    /// Price-view beacons from the storefront; one per product page render.
    async fn fire_and_forget(&self, req: Payload) -> Result<()> {
        let sku = req.data_utf8().unwrap_or_default().to_string();
        let mut slot = self.view_conn.lock().await;
        if slot.is_none() {
            *slot = Some(self.events.acquire().await?);
        }
        let conn = slot.as_mut().expect("view connection present");
        sqlx::query("INSERT INTO price_views (tenant, sku, seen_at) VALUES ($1, $2, now())")
            .bind(&self.tenant)
            .bind(&sku)
            .execute(&mut **conn)
            .await?;
        Ok(())
    }

    async fn request_response(&self, req: Payload) -> Result<Option<Payload>> {
        let ask: QuoteRequest = serde_json::from_str(req.data_utf8().unwrap_or("{}"))?;

        let arango = Connection::establish_basic_auth(
            &self.settings.arango_url,
            &self.settings.arango_user,
            &self.settings.arango_password,
        )
        .await?;
        let db = arango.db(&format!("catalog_{}", self.tenant)).await?;
        let aql = AqlQuery::builder()
            .query("FOR p IN products FILTER p.sku == @sku LIMIT 1 RETURN p")
            .bind_var("sku", ask.sku.clone())
            .build();
        let products: Vec<Product> = db.aql_query(aql).await?;
        let product = products
            .into_iter()
            .next()
            .ok_or_else(|| anyhow::anyhow!("unknown sku {}", ask.sku))?;

        let fx: FxRate = self
            .fx
            .get(format!("{}/v1/rates/EUR/{}", self.settings.fx_url, ask.currency))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;

        let unit_price = product.base_price_eur * fx.rate * (1.0 - product.discount_for(ask.quantity) / 100.0);
        let quote = Quote {
            sku: product.sku,
            name: product.name,
            currency: ask.currency,
            unit_price,
            total: unit_price * f64::from(ask.quantity),
        };
        let body = serde_json::to_string(&quote)?;
        Ok(Some(Payload::builder().set_data_utf8(&body).build()))
    }

    fn request_stream(&self, _req: Payload) -> Flux<Result<Payload>> {
        Box::pin(futures::stream::empty())
    }

    fn request_channel(&self, _reqs: Flux<Result<Payload>>) -> Flux<Result<Payload>> {
        Box::pin(futures::stream::empty())
    }
}
