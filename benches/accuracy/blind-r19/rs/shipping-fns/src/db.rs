use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use tokio::sync::OnceCell;

static POOL: OnceCell<PgPool> = OnceCell::const_new();

/// One small pool per function instance. Warm instances reuse it across
/// invocations; a cold start creates it on first use.
pub async fn pool() -> Result<&'static PgPool, sqlx::Error> {
    POOL.get_or_try_init(|| async {
        let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
        PgPoolOptions::new()
            .max_connections(2)
            .idle_timeout(Duration::from_secs(30))
            .connect(&url)
            .await
    })
    .await
}
