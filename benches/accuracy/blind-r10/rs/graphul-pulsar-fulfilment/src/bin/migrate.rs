//! One-off schema setup, run from the deploy pipeline before web/worker roll out.

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = fulfil::db::connect(1).await?;

    sqlx::raw_sql(
        "CREATE TABLE IF NOT EXISTS orders (
             id BIGINT PRIMARY KEY,
             customer_id TEXT NOT NULL,
             total_cents BIGINT NOT NULL,
             status TEXT NOT NULL DEFAULT 'pending'
         );
         CREATE TABLE IF NOT EXISTS order_lines (
             order_id BIGINT REFERENCES orders(id),
             sku TEXT NOT NULL,
             qty INT NOT NULL
         );
         CREATE INDEX IF NOT EXISTS orders_status_idx ON orders (status);",
    )
    .execute(&pool)
    .await?;

    pool.close().await;
    println!("schema up to date");
    Ok(())
}
