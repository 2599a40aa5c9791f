mod handler;
mod schema;

use std::time::Duration;

use diesel_async::pooled_connection::bb8::Pool;
use diesel_async::pooled_connection::AsyncDieselConnectionManager;
use diesel_async::AsyncPgConnection;
use futures::StreamExt;
use paho_mqtt as mqtt;

use handler::Handler;

const TOPICS: &[&str] = &["telemetry/+/temperature", "telemetry/+/humidity", "telemetry/+/battery"];
const QOS: &[i32] = &[1, 1, 0];

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let manager =
        AsyncDieselConnectionManager::<AsyncPgConnection>::new(std::env::var("DATABASE_URL")?);
    let pool = Pool::builder().max_size(10).build(manager).await?;

    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;

    let handler = Handler {
        pool,
        http,
        alert_url: std::env::var("ALERT_WEBHOOK_URL")?,
    };

    let create_opts = mqtt::CreateOptionsBuilder::new()
        .server_uri(std::env::var("MQTT_URI").unwrap_or_else(|_| "tcp://localhost:1883".into()))
        .client_id("telemetry-sink-1")
        .finalize();
    let mut cli = mqtt::AsyncClient::new(create_opts)?;
    let mut stream = cli.get_stream(512);

    let conn_opts = mqtt::ConnectOptionsBuilder::new()
        .keep_alive_interval(Duration::from_secs(30))
        .clean_session(false)
        .finalize();

    // The broker container can come up after us; retry the first connect.
    let mut attempt = 0;
    loop {
        match cli.connect(conn_opts.clone()).await {
            Ok(_) => break,
            Err(e) if attempt < 12 => {
                attempt += 1;
                tracing::warn!(attempt, "broker not reachable yet: {e}");
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
    cli.subscribe_many(TOPICS, QOS).await?;
    tracing::info!("subscribed to {:?}", TOPICS);

    while let Some(msg_opt) = stream.next().await {
        match msg_opt {
            Some(msg) => {
                if let Err(e) = handler.on_message(&msg).await {
                    tracing::warn!(topic = msg.topic(), "message skipped: {e}");
                }
            }
            None => {
                // Same client, same session: just re-establish the link.
                tracing::warn!("lost connection to broker, reconnecting");
                while let Err(e) = cli.reconnect().await {
                    tracing::warn!("reconnect failed: {e}");
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
            }
        }
    }

    Ok(())
}
