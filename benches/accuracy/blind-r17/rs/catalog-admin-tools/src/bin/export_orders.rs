use std::fmt::Write as _;

use argh::FromArgs;
use aws_sdk_s3::primitives::ByteStream;
use chrono::NaiveDate;
use futures::TryStreamExt;

#[derive(FromArgs)]
/// Export one day of orders as CSV to S3.
struct Args {
    /// postgres URL
    #[argh(option, default = "std::env::var(\"DATABASE_URL\").unwrap_or_default()")]
    database_url: String,
    /// day to export (YYYY-MM-DD)
    #[argh(positional)]
    day: NaiveDate,
    /// target bucket
    #[argh(option, default = "String::from(\"catalog-exports\")")]
    bucket: String,
}

#[derive(sqlx::FromRow)]
struct OrderRow {
    id: i64,
    customer_id: i64,
    total_cents: i64,
    status: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Args = argh::from_env();
    let pool = catalog_admin_tools::pg_pool(&args.database_url).await?;
    let s3 = catalog_admin_tools::s3().await;

    let mut csv = String::from("id,customer_id,total_cents,status\n");
    {
        let mut rows = sqlx::query_as::<_, OrderRow>(
            "SELECT id, customer_id, total_cents, status FROM orders
             WHERE created_at::date = $1 ORDER BY id",
        )
        .bind(args.day)
        .fetch(&pool);
        while let Some(o) = rows.try_next().await? {
            writeln!(csv, "{},{},{},{}", o.id, o.customer_id, o.total_cents, o.status)?;
        }
    }

    let key = format!("orders/{}.csv", args.day);
    s3.put_object()
        .bucket(&args.bucket)
        .key(&key)
        .content_type("text/csv")
        .body(ByteStream::from(csv.into_bytes()))
        .send()
        .await?;

    pool.close().await;
    println!("exported orders for {} to s3://{}/{key}", args.day, args.bucket);
    Ok(())
}
