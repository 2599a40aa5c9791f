use feedhub::db;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let days: i32 = std::env::args()
        .skip_while(|a| a != "--older-than-days")
        .nth(1)
        .map(|v| v.parse())
        .transpose()?
        .unwrap_or(180);

    let pool = db::make_pool(1).await?;
    let removed = sqlx::query("DELETE FROM feed_items WHERE published_at < now() - make_interval(days => $1)")
        .bind(days)
        .execute(&pool)
        .await?
        .rows_affected();
    sqlx::query("DELETE FROM feed_sources WHERE NOT enabled AND last_polled_at < now() - interval '1 year'")
        .execute(&pool)
        .await?;
    println!("pruned {removed} feed items older than {days} days");
    pool.close().await;
    Ok(())
}
