use aws_sdk_s3::primitives::ByteStream;
use chrono::{NaiveDateTime, Utc};
use redis::aio::ConnectionManager;
use redis::AsyncCommands;
use sqlx::postgres::{PgPool, PgPoolOptions};

pub async fn refresh_leaderboard(pool: &PgPool, mut cache: ConnectionManager) -> anyhow::Result<()> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT seller_id, sum(total_cents)::bigint FROM orders \
         WHERE placed_at > now() - interval '7 days' GROUP BY 1 ORDER BY 2 DESC LIMIT 100",
    )
    .fetch_all(pool)
    .await?;

    let mut pipe = redis::pipe();
    pipe.atomic().del("leaderboard:7d");
    for (seller, cents) in &rows {
        pipe.zadd("leaderboard:7d", seller, *cents);
    }
    let _: () = pipe.query_async(&mut cache).await?;
    let _: () = cache.expire("leaderboard:7d", 900).await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct OrderRow {
    id: i64,
    seller_id: String,
    total_cents: i64,
    placed_at: NaiveDateTime,
}

pub async fn export_orders_hourly() -> anyhow::Result<()> {
    let replica_url = std::env::var("REPORTING_REPLICA_URL")?;
    let replica = PgPoolOptions::new()
        .max_connections(2)
        .connect(&replica_url)
        .await?;

    let rows: Vec<OrderRow> = sqlx::query_as(
        "SELECT id, seller_id, total_cents, placed_at FROM orders \
         WHERE placed_at >= date_trunc('hour', now()) - interval '1 hour' \
           AND placed_at < date_trunc('hour', now()) ORDER BY id",
    )
    .fetch_all(&replica)
    .await?;
    replica.close().await;

    let mut wtr = csv::Writer::from_writer(Vec::new());
    wtr.write_record(["id", "seller_id", "total_cents", "placed_at"])?;
    for r in &rows {
        wtr.write_record([
            r.id.to_string(),
            r.seller_id.clone(),
            r.total_cents.to_string(),
            r.placed_at.to_string(),
        ])?;
    }
    let body = wtr.into_inner()?;

    let config = aws_config::load_from_env().await;
    let s3 = aws_sdk_s3::Client::new(&config);
    let key = format!("orders/hourly/{}.csv", Utc::now().format("%Y/%m/%d/%H"));
    s3.put_object()
        .bucket(std::env::var("EXPORT_BUCKET")?)
        .key(&key)
        .content_type("text/csv")
        .body(ByteStream::from(body))
        .send()
        .await?;
    tracing::info!(rows = rows.len(), %key, "hourly export uploaded");
    Ok(())
}
