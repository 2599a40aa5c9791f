use sqlx::postgres::{PgPool, PgPoolOptions};
use tokio::sync::OnceCell;

fn database_url() -> String {
    std::env::var("FIELD_ORDERS_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://field_app@orders-db.example.net/orders".to_string())
}

/// Opens a pool to the orders database.
pub async fn connect() -> anyhow::Result<PgPool> {
    let pool = PgPoolOptions::new()
        .max_connections(4)
        .connect(&database_url())
        .await?;
    Ok(pool)
}

static SHARED: OnceCell<PgPool> = OnceCell::const_new();

/// Process-wide pool used by the draft editor.
pub async fn shared() -> anyhow::Result<&'static PgPool> {
    SHARED.get_or_try_init(|| async { connect().await }).await
}
