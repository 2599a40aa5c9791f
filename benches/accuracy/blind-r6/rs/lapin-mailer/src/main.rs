mod mailer;

use std::time::Duration;

use deadpool_postgres::{Config, ManagerConfig, PoolConfig, RecyclingMethod, Runtime};
use futures_lite::StreamExt;
use lapin::options::{BasicAckOptions, BasicConsumeOptions, BasicNackOptions, BasicQosOptions, QueueDeclareOptions};
use lapin::types::FieldTable;
use lapin::{Connection, ConnectionProperties};
use tokio_postgres::NoTls;
use tracing::{error, info, warn};

use mailer::{EmailJob, Mailer};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let amqp_url = std::env::var("AMQP_URL").unwrap_or_else(|_| "amqp://guest:guest@127.0.0.1:5672/%2f".into());

    // RabbitMQ usually comes up after us in docker-compose: retry until it answers.
    let mut backoff = Duration::from_millis(500);
    let conn = loop {
        match Connection::connect(&amqp_url, ConnectionProperties::default()).await {
            Ok(conn) => break conn,
            Err(e) if backoff < Duration::from_secs(30) => {
                warn!(error = %e, ?backoff, "rabbitmq not ready, retrying");
                tokio::time::sleep(backoff).await;
                backoff *= 2;
            }
            Err(e) => return Err(e.into()),
        }
    };
    info!("connected to rabbitmq");

    let mut cfg = Config::new();
    cfg.url = Some(std::env::var("DATABASE_URL")?);
    cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
    cfg.pool = Some(PoolConfig::new(8));
    let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;

    let mailer = Mailer {
        pool,
        http: reqwest::Client::builder().timeout(Duration::from_secs(10)).build()?,
        api_base: std::env::var("POSTMARK_API").unwrap_or_else(|_| "https://api.postmarkapp.com".into()),
        api_token: std::env::var("POSTMARK_TOKEN")?,
    };

    let channel = conn.create_channel().await?;
    channel.basic_qos(16, BasicQosOptions::default()).await?;
    channel
        .queue_declare(
            "emails.transactional",
            QueueDeclareOptions { durable: true, ..Default::default() },
            FieldTable::default(),
        )
        .await?;

    let mut consumer = channel
        .basic_consume(
            "emails.transactional",
            "mailer",
            BasicConsumeOptions::default(),
            FieldTable::default(),
        )
        .await?;

    while let Some(delivery) = consumer.next().await {
        let delivery = delivery?;
        let result = match serde_json::from_slice::<EmailJob>(&delivery.data) {
            Ok(job) => mailer.deliver(&job).await,
            Err(e) => Err(e.into()),
        };
        match result {
            Ok(()) => delivery.ack(BasicAckOptions::default()).await?,
            Err(e) => {
                error!(error = %e, "email delivery failed");
                delivery
                    .nack(BasicNackOptions { requeue: false, ..Default::default() })
                    .await?;
            }
        }
    }
    Ok(())
}
