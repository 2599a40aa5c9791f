use sqlx::postgres::{PgPool, PgPoolOptions};

/// Ledger access for the authorization path.
pub async fn connect() -> sqlx::Result<PgPool> {
    let url = std::env::var("LEDGER_DATABASE_URL").expect("LEDGER_DATABASE_URL");
    PgPoolOptions::new().max_connections(4).connect(&url).await
}
