use sqlx::postgres::{PgPool, PgPoolOptions};

/// Queue pool: sqlxmq's mq_* tables live in the application database.
pub async fn connect() -> Result<PgPool, sqlx::Error> {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    PgPoolOptions::new().max_connections(20).connect(&url).await
}
