use sqlx::postgres::PgPoolOptions;

/// Loyalty points live in the marketing database, not the orders database.
pub async fn award_points(customer_id: i64, order_id: i64, total_cents: i64) -> anyhow::Result<()> {
    let url = std::env::var("LOYALTY_DATABASE_URL")?;
    let loyalty_db = PgPoolOptions::new().max_connections(2).connect(&url).await?;

    let points = total_cents / 100;
    sqlx::query(
        "INSERT INTO loyalty_ledger (customer_id, order_id, points) VALUES ($1, $2, $3)
         ON CONFLICT (order_id) DO NOTHING",
    )
    .bind(customer_id)
    .bind(order_id)
    .bind(points)
    .execute(&loyalty_db)
    .await?;

    loyalty_db.close().await;
    Ok(())
}
