mod infra;
mod ingest;

use ingest::Ingest;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let ingest = Ingest {
        pg: infra::connect_pg().await?,
        redis: infra::redis_pool()?,
    };

    let session = zenoh::open(zenoh::Config::default())
        .await
        .map_err(|e| anyhow::anyhow!(e))?;
    let subscriber = session
        .declare_subscriber("fleet/*/telemetry/**")
        .await
        .map_err(|e| anyhow::anyhow!(e))?;
    tracing::info!("subscribed to fleet telemetry");

    while let Ok(sample) = subscriber.recv_async().await {
        let key = sample.key_expr().as_str().to_owned();
        let payload = match sample.payload().try_to_string() {
            Ok(p) => p.into_owned(),
            Err(err) => {
                tracing::warn!(%key, %err, "non-utf8 payload");
                continue;
            }
        };

        let ingest = ingest.clone();
        tokio::spawn(async move {
            if let Err(err) = ingest.handle(&key, &payload).await {
                tracing::error!(%key, ?err, "failed to ingest sample");
            }
        });
    }

    session.close().await.map_err(|e| anyhow::anyhow!(e))?;
    Ok(())
}
