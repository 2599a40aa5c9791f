mod filters;
mod mailer;
mod tenants;

use std::time::Duration;

use anyhow::Result;
use askama::Template;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

#[derive(sqlx::FromRow)]
pub struct OrderRow {
    pub number: String,
    pub customer_name: String,
    pub placed_at: chrono::DateTime<chrono::Utc>,
    pub total_cents: i64,
}

#[derive(Template)]
#[template(path = "digest.html")]
struct DigestPage<'a> {
    tenant: &'a str,
    currency: &'a str,
    orders: Vec<OrderRow>,
}

async fn connect_control_db(url: &str) -> Result<PgPool> {
    let mut attempt = 1u32;
    loop {
        match PgPoolOptions::new().max_connections(4).connect(url).await {
            Ok(pool) => break Ok(pool),
            Err(e) if attempt < 8 => {
                eprintln!("control db not ready (attempt {attempt}): {e}");
                tokio::time::sleep(Duration::from_secs(2u64 * attempt as u64)).await;
                attempt += 1;
            }
            Err(e) => break Err(e.into()),
        }
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    let control = connect_control_db(&std::env::var("CONTROL_DATABASE_URL")?).await?;

    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()?;
    let mailer = mailer::Mailer::new(
        http,
        std::env::var("MAIL_API_URL")?,
        std::env::var("MAIL_API_KEY")?,
    );
    let registry = tenants::Registry::new(control.clone());

    let mut tick = tokio::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;

        let enabled: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT slug, currency, digest_email FROM tenants WHERE digest_enabled",
        )
        .fetch_all(&control)
        .await?;

        for (slug, currency, to) in enabled {
            let pool = registry.pool_for(&slug).await?;
            let orders: Vec<OrderRow> = sqlx::query_as(
                "SELECT number, customer_name, placed_at, total_cents FROM orders \
                 WHERE placed_at > now() - interval '1 hour' ORDER BY placed_at",
            )
            .fetch_all(&pool)
            .await?;
            if orders.is_empty() {
                continue;
            }

            let html = DigestPage { tenant: &slug, currency: &currency, orders }.render()?;
            if let Err(e) = mailer.send(&to, &format!("Hourly orders – {slug}"), &html).await {
                eprintln!("digest for {slug} not sent: {e:#}");
            }
        }
    }
}
