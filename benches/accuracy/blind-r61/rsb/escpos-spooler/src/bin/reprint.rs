//! pos-reprint <order-no> [printer-host]
//! Re-queues the last ticket of an order (paper jam, lost ticket). Runs once
//! and exits.

use pos_print::db;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let order_no = args.next().ok_or_else(|| anyhow::anyhow!("usage: pos-reprint <order-no> [printer-host]"))?;
    let printer = args.next();

    let pool = db::pool(1).await?;
    let queued: Option<i64> = sqlx::query_scalar(
        "INSERT INTO print_jobs (printer_host, ticket) \
         SELECT coalesce($2, printer_host), ticket FROM print_jobs \
         WHERE ticket->>'order_no' = $1 ORDER BY id DESC LIMIT 1 \
         RETURNING id",
    )
    .bind(&order_no)
    .bind(printer.as_deref())
    .fetch_optional(&pool)
    .await?;
    pool.close().await;

    match queued {
        Some(id) => println!("queued reprint job {id} for order {order_no}"),
        None => anyhow::bail!("no ticket found for order {order_no}"),
    }
    Ok(())
}
