//! Weekly report, run by a systemd timer: a separate short-lived process
//! with its own pool, closed before exit.

use crowdsec_edge_bouncer::db;

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let pool = db::connect().await?;

    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT scenario, count(*) FROM bouncer_events \
         WHERE action = 'added' AND at > now() - interval '7 days' \
         GROUP BY scenario ORDER BY 2 DESC LIMIT 20",
    )
    .fetch_all(&pool)
    .await?;

    println!("Top scenarios, last 7 days");
    for (scenario, n) in rows {
        println!("{n:>7}  {scenario}");
    }

    pool.close().await;
    Ok(())
}
