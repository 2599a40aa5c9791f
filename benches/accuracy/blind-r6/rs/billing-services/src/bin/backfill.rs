//! One-off: recompute invoice totals from line items.
//! Usage: billing-backfill <from-id> <to-id>

use sqlx::{Connection, PgConnection};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let from: i64 = args.next().unwrap_or_else(|| "0".into()).parse()?;
    let to: i64 = args.next().unwrap_or_else(|| i64::MAX.to_string()).parse()?;

    let mut conn = PgConnection::connect(&std::env::var("DATABASE_URL")?).await?;

    let res = sqlx::query(
        "UPDATE invoices i SET amount_cents = s.total FROM \
         (SELECT invoice_id, sum(qty * unit_cents) AS total FROM line_items GROUP BY invoice_id) s \
         WHERE i.id = s.invoice_id AND i.id BETWEEN $1 AND $2",
    )
    .bind(from)
    .bind(to)
    .execute(&mut conn)
    .await?;
    println!("updated {} invoices", res.rows_affected());

    conn.close().await?;
    Ok(())
}
