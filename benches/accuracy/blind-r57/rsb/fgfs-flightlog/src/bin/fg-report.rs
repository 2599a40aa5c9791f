//! fg-report: one-off monthly hours report for the VA newsletter.
//! Usage: fg-report 2024-11
use std::env;

use anyhow::{Context, Result};
use chrono::NaiveDate;

use flightlog::db;

#[tokio::main]
async fn main() -> Result<()> {
    let month = env::args().nth(1).context("usage: fg-report YYYY-MM")?;
    let first = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d")
        .context("month must look like 2024-11")?;
    let url = env::var("VA_DATABASE_URL")?;

    // This process's own pool; it is closed before exiting.
    let pool = db::connect(&url).await?;
    let rows: Vec<(String, i64, f64)> = sqlx::query_as(
        "SELECT pilot,
                count(*) AS flights,
                COALESCE(sum(EXTRACT(EPOCH FROM on_blocks - off_blocks)) / 3600.0, 0)::float8 AS hours
           FROM flights
          WHERE off_blocks >= $1::date
            AND off_blocks < ($1::date + interval '1 month')
            AND on_blocks IS NOT NULL
          GROUP BY pilot
          ORDER BY hours DESC",
    )
    .bind(first)
    .fetch_all(&pool)
    .await?;
    pool.close().await;

    println!("Pilot hours for {month}");
    println!("{:<12} {:>7} {:>8}", "pilot", "flights", "hours");
    for (pilot, flights, hours) in rows {
        println!("{pilot:<12} {flights:>7} {hours:>8.1}");
    }
    Ok(())
}
