use std::time::Duration;

use fulfil::{db, OrderPlaced};
use futures::TryStreamExt;
use pulsar::{Consumer, Pulsar, SubType, TokioExecutor};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let db = db::connect(4).await?;

    let addr = std::env::var("PULSAR_URL").unwrap_or_else(|_| "pulsar://127.0.0.1:6650".into());
    let mut attempt = 0;
    let pulsar: Pulsar<TokioExecutor> = loop {
        match Pulsar::builder(&addr, TokioExecutor).build().await {
            Ok(p) => break p,
            Err(e) if attempt < 10 => {
                attempt += 1;
                tracing::warn!(attempt, error = %e, "pulsar not reachable yet");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            Err(e) => return Err(e.into()),
        }
    };

    let mut consumer: Consumer<OrderPlaced, _> = pulsar
        .consumer()
        .with_topic("persistent://shop/orders/placed")
        .with_consumer_name("fulfil-worker")
        .with_subscription_type(SubType::Shared)
        .with_subscription("fulfilment")
        .build()
        .await?;

    while let Some(msg) = consumer.try_next().await? {
        let event = match msg.deserialize() {
            Ok(ev) => ev,
            Err(e) => {
                tracing::warn!(error = %e, "dropping malformed message");
                consumer.ack(&msg).await?;
                continue;
            }
        };

        let mut tx = db.begin().await?;
        sqlx::query(
            "INSERT INTO orders (id, customer_id, total_cents, status) VALUES ($1, $2, $3, 'pending')
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(event.order_id)
        .bind(&event.customer_id)
        .bind(event.total_cents)
        .execute(&mut *tx)
        .await?;
        for line in &event.lines {
            sqlx::query("INSERT INTO order_lines (order_id, sku, qty) VALUES ($1, $2, $3)")
                .bind(event.order_id)
                .bind(&line.sku)
                .bind(line.qty)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;

        consumer.ack(&msg).await?;
    }
    Ok(())
}
