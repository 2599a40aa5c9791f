use std::time::Duration;

use reqwest_middleware::ClientBuilder;

mod audit;
mod outbox;
mod ratelimit;
mod relay;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let database_url = std::env::var("DATABASE_URL")?;
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://relay-redis:6379".into());
    let per_minute: i64 = std::env::var("PARTNER_RATE_PER_MINUTE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(120);

    let outbox_pool = outbox::connect(&database_url).await?;
    let audit_pool = audit::connect(&database_url).await?;

    let http = ClientBuilder::new(
        reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .user_agent("acme-webhooks/2.1")
            .build()?,
    )
    .with(ratelimit::HostRateLimit::new(redis_url, per_minute))
    .build();

    let mut relay = relay::Relay::new(outbox_pool, audit_pool, http);
    let mut ticker = tokio::time::interval(Duration::from_secs(2));

    loop {
        tokio::select! {
            _ = ticker.tick() => {
                if let Err(e) = relay.tick().await {
                    tracing::error!("relay tick failed: {e:#}");
                }
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    Ok(())
}
