use sqlx::postgres::{PgPool, PgPoolOptions};

/// The audit database. Each binary calls this once at start-up.
pub async fn connect() -> Result<PgPool, sqlx::Error> {
    let url = std::env::var("BOUNCER_DATABASE_URL").expect("BOUNCER_DATABASE_URL");
    PgPoolOptions::new().max_connections(4).connect(&url).await
}
