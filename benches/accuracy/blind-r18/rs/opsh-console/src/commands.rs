use anyhow::{bail, Context, Result};
use aws_sdk_s3::primitives::ByteStream;
use serde_json::json;
use sqlx::{PgPool, Row};

use crate::{clients, watch};

pub struct Ctx {
    pub pool: PgPool,
}

const HELP: &str = "\
  order <id>               show an order
  refund <id> [amount]     refund an order through the payments API
  export <date>            export the day's orders to the finance bucket
  watch <id>               print status changes of an order in the background
  help";

/// Runs once per line typed at the prompt.
pub async fn dispatch(ctx: &Ctx, line: &str) -> Result<()> {
    let args = shell_words::split(line)?;
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["help"] => println!("{HELP}"),
        ["order", id] => show_order(&ctx.pool, id.parse()?).await?,
        ["refund", id] => refund(&ctx.pool, id.parse()?, None).await?,
        ["refund", id, amount] => refund(&ctx.pool, id.parse()?, Some(amount.parse()?)).await?,
        ["export", day] => export_day(&ctx.pool, day).await?,
        ["watch", id] => watch::start(&ctx.pool, id.parse()?).await?,
        _ => bail!("unknown command, try `help`"),
    }
    Ok(())
}

async fn show_order(pool: &PgPool, id: i64) -> Result<()> {
    let row = sqlx::query(
        "SELECT id, status, total_cents, currency, payment_ref FROM orders WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?
    .context("no such order")?;
    println!(
        "#{} {} {} {} (payment {})",
        row.get::<i64, _>("id"),
        row.get::<String, _>("status"),
        row.get::<i64, _>("total_cents"),
        row.get::<String, _>("currency"),
        row.get::<String, _>("payment_ref"),
    );
    Ok(())
}

async fn refund(pool: &PgPool, id: i64, amount: Option<i64>) -> Result<()> {
    let (payment_ref, total): (String, i64) =
        sqlx::query_as("SELECT payment_ref, total_cents FROM orders WHERE id = $1")
            .bind(id)
            .fetch_one(pool)
            .await?;
    let amount = amount.unwrap_or(total);

    let api = clients::payments_api()?;
    let resp = api
        .post("https://api.payments.example.com/v1/refunds")
        .json(&json!({ "payment": payment_ref, "amount": amount }))
        .send()
        .await?
        .error_for_status()?;
    let refund_id = resp.json::<serde_json::Value>().await?["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();

    sqlx::query("INSERT INTO refunds (order_id, amount_cents, provider_ref) VALUES ($1, $2, $3)")
        .bind(id)
        .bind(amount)
        .bind(&refund_id)
        .execute(pool)
        .await?;
    println!("refunded {amount} on order #{id} ({refund_id})");
    Ok(())
}

async fn export_day(pool: &PgPool, day: &str) -> Result<()> {
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT id, status, total_cents FROM orders WHERE created_at::date = $1::date ORDER BY id",
    )
    .bind(day)
    .fetch_all(pool)
    .await?;

    let mut csv = String::from("id,status,total_cents\n");
    for (id, status, total) in &rows {
        csv.push_str(&format!("{id},{status},{total}\n"));
    }

    let s3 = clients::s3().await;
    s3.put_object()
        .bucket("acme-finance-exports")
        .key(format!("orders/{day}.csv"))
        .body(ByteStream::from(csv.into_bytes()))
        .send()
        .await?;
    println!("exported {} orders for {day}", rows.len());
    Ok(())
}
