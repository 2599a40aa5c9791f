mod db;
mod handler;
mod ledger;
mod notify;

use std::env;

use futures::StreamExt;
use rabbitmq_stream_client::types::OffsetSpecification;
use rabbitmq_stream_client::Environment;
use tracing::{error, info, warn};

/// Long-lived pieces shared by every delivery.
pub struct Ctx {
    pub pool: db::PgPool,
    pub fx_api: String,
    pub alert_topic_arn: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();

    let ctx = Ctx {
        pool: db::make_pool().await?,
        fx_api: env::var("FX_API_URL").unwrap_or_else(|_| "https://fx.internal.example".into()),
        alert_topic_arn: env::var("CHARGEBACK_TOPIC_ARN")?,
    };

    let host = env::var("RABBITMQ_STREAM_HOST").unwrap_or_else(|_| "localhost".into());
    let user = env::var("RABBITMQ_USER").unwrap_or_else(|_| "guest".into());
    let pass = env::var("RABBITMQ_PASS").unwrap_or_else(|_| "guest".into());
    let environment = Environment::builder()
        .host(&host)
        .port(5552)
        .username(&user)
        .password(&pass)
        .build()
        .await?;

    let mut consumer = environment
        .consumer()
        .name("settlement-writer")
        .offset(OffsetSpecification::Next)
        .build("card-settlements")
        .await?;
    info!("consuming stream card-settlements");

    while let Some(delivery) = consumer.next().await {
        let delivery = match delivery {
            Ok(d) => d,
            Err(e) => {
                warn!("delivery error: {e:?}");
                continue;
            }
        };
        let offset = delivery.offset();
        let Some(body) = delivery.message().data() else {
            warn!(offset, "empty settlement message");
            continue;
        };
        if let Err(e) = handler::on_settlement(&ctx, body).await {
            error!(offset, "settlement failed: {e:#}");
        }
    }

    warn!("stream consumer ended");
    Ok(())
}
