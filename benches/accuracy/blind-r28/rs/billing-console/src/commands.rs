use aws_sdk_s3::primitives::ByteStream;
use sqlx::Row;

use crate::Ctx;

type CmdResult = Result<String, Box<dyn std::error::Error>>;

/// Runs one typed console line.
pub async fn dispatch(ctx: &Ctx, line: &str) -> CmdResult {
    let parts: Vec<&str> = line.split_whitespace().collect();
    match parts.as_slice() {
        ["help"] => Ok("invoice <id> | refund <invoice> <cents> <reason..> | export <yyyy-mm>".to_string()),
        ["invoice", id] => show_invoice(ctx, id.parse()?).await,
        ["refund", invoice, cents, reason @ ..] => refund(ctx, invoice.parse()?, cents.parse()?, &reason.join(" ")).await,
        ["export", month] => export_month(ctx, month).await,
        _ => Ok(format!("unknown command: {}", line)),
    }
}

async fn show_invoice(ctx: &Ctx, id: i64) -> CmdResult {
    let mut conn = ctx.pool.acquire().await?;
    let row = sqlx::query("SELECT customer, total_cents, status FROM invoices WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(match row {
        Some(r) => format!(
            "invoice {}: {} {} cents [{}]",
            id,
            r.get::<String, _>("customer"),
            r.get::<i64, _>("total_cents"),
            r.get::<String, _>("status")
        ),
        None => format!("invoice {} not found", id),
    })
}

async fn refund(ctx: &Ctx, invoice: i64, cents: i64, reason: &str) -> CmdResult {
    let mut tx = ctx.pool.begin().await?;
    let remaining: i64 = sqlx::query_scalar(
        "SELECT total_cents - refunded_cents FROM invoices WHERE id = $1 FOR UPDATE",
    )
    .bind(invoice)
    .fetch_one(&mut *tx)
    .await?;
    if cents > remaining {
        tx.rollback().await?;
        return Ok(format!("refusing: only {} cents refundable", remaining));
    }
    sqlx::query("UPDATE invoices SET refunded_cents = refunded_cents + $2 WHERE id = $1")
        .bind(invoice)
        .bind(cents)
        .execute(&mut *tx)
        .await?;
    let note: i64 = sqlx::query_scalar(
        "INSERT INTO credit_notes (invoice_id, amount_cents, reason, issued_by) \
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(invoice)
    .bind(cents)
    .bind(reason)
    .bind(&ctx.operator)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(format!("credit note {} issued for {} cents", note, cents))
}

async fn export_month(ctx: &Ctx, month: &str) -> CmdResult {
    let rows = sqlx::query(
        "SELECT id, customer, total_cents, refunded_cents FROM invoices \
         WHERE to_char(issued_at, 'YYYY-MM') = $1 ORDER BY id",
    )
    .bind(month)
    .fetch_all(&ctx.pool)
    .await?;
    let mut csv = String::from("id,customer,total_cents,refunded_cents\n");
    for r in &rows {
        csv.push_str(&format!(
            "{},{},{},{}\n",
            r.get::<i64, _>(0),
            r.get::<String, _>(1).replace(',', " "),
            r.get::<i64, _>(2),
            r.get::<i64, _>(3)
        ));
    }
    let key = format!("invoices/{}.csv", month);
    ctx.s3
        .put_object()
        .bucket(&ctx.export_bucket)
        .key(&key)
        .content_type("text/csv")
        .body(ByteStream::from(csv.into_bytes()))
        .send()
        .await?;
    Ok(format!("exported {} invoices to s3://{}/{}", rows.len(), ctx.export_bucket, key))
}
