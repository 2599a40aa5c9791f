use tokio_postgres::NoTls;

/// Copies the last minute of latency samples from Redis into Postgres.
pub async fn flush_minute(pops: &[String]) -> anyhow::Result<()> {
    let pg_url = std::env::var("ROLLUP_DATABASE_URL")?;
    let (client, connection) = tokio_postgres::connect(&pg_url, NoTls).await?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            tracing::warn!(error = %e, "rollup connection ended");
        }
    });

    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let mut redis = redis::Client::open(redis_url)?.get_multiplexed_async_connection().await?;

    for pop in pops {
        let key = format!("metrics:probe_latency_seconds:pop={pop}");
        let samples: Vec<f64> = redis::cmd("LRANGE").arg(&key).arg(0).arg(3).query_async(&mut redis).await?;
        if samples.is_empty() {
            continue;
        }
        let avg = samples.iter().sum::<f64>() / samples.len() as f64;
        client
            .execute(
                "INSERT INTO pop_latency_minutely (pop, at, avg_seconds) VALUES ($1, date_trunc('minute', now()), $2)",
                &[pop, &avg],
            )
            .await?;
    }
    Ok(())
}
