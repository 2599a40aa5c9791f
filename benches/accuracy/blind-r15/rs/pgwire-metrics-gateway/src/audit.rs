use sqlx::postgres::{PgPool, PgPoolOptions};

/// Pool used to write the query audit trail.
pub async fn connect() -> Result<PgPool, sqlx::Error> {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    PgPoolOptions::new().max_connections(5).connect(&url).await
}

pub async fn record(pool: &PgPool, user: &str, query: &str, rows: usize) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO gateway_audit (username, query, row_count, at) VALUES ($1, $2, $3, now())")
        .bind(user).bind(query).bind(rows as i64)
        .execute(pool)
        .await?;
    Ok(())
}
