//! Mission database (robots, missions, mission events).
use sqlx::postgres::{PgPool, PgPoolOptions};

pub async fn connect() -> anyhow::Result<PgPool> {
    let url = std::env::var("FLEET_DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(10)
        .connect(&url)
        .await?;
    sqlx::query("SET application_name = 'fleet-recorder'").execute(&pool).await?;
    Ok(pool)
}
