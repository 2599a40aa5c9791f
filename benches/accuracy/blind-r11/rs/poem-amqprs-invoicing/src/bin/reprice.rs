//! One-off: `cargo run --bin reprice -- 2024-06` recomputes totals for a
//! billing month after the VAT fix. Run by hand, exits when done.

use tokio_postgres::NoTls;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let month = std::env::args().nth(1).ok_or_else(|| anyhow::anyhow!("usage: reprice YYYY-MM"))?;
    let url = std::env::var("DATABASE_URL")?;

    let (client, connection) = tokio_postgres::connect(&url, NoTls).await?;
    let conn_task = tokio::spawn(async move {
        if let Err(err) = connection.await {
            eprintln!("connection error: {err}");
        }
    });

    let updated = client
        .execute(
            "UPDATE invoices i SET total_cents = t.total FROM ( \
               SELECT invoice_id, sum(amount_cents) AS total FROM invoice_lines GROUP BY invoice_id) t \
             WHERE t.invoice_id = i.id AND to_char(i.issued_at, 'YYYY-MM') = $1",
            &[&month],
        )
        .await?;
    println!("repriced {updated} invoices for {month}");

    drop(client);
    conn_task.await?;
    Ok(())
}
