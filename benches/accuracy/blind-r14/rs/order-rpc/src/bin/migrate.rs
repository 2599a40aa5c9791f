//! One-off: `order-migrate` runs pending migrations and exits (ExecStartPre of order-web).

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let pool = order_rpc::db::make_pool(1).await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    pool.close().await;
    println!("migrations applied");
    Ok(())
}
