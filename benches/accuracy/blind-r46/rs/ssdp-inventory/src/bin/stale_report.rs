//! One-off (cron): list devices that stopped answering.

use chrono::{DateTime, Utc};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let days: i32 = std::env::args()
        .skip_while(|a| a != "--days")
        .nth(1)
        .and_then(|d| d.parse().ok())
        .unwrap_or(14);

    let pool = ssdp_inventory::db::make_pool(1).await?;
    let stale: Vec<(String, String, DateTime<Utc>)> = sqlx::query_as(
        "SELECT usn, server, last_seen FROM devices
         WHERE last_seen < now() - make_interval(days => $1) ORDER BY last_seen",
    )
    .bind(days)
    .fetch_all(&pool)
    .await?;

    for (usn, server, last_seen) in &stale {
        println!("{last_seen:%Y-%m-%d}  {server:<40}  {usn}");
    }
    eprintln!("{} stale device(s)", stale.len());
    pool.close().await;
    Ok(())
}
