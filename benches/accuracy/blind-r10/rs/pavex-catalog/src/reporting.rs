use sqlx::postgres::{PgPool, PgPoolOptions};

/// Pool for the reporting endpoints, kept separate so slow aggregate
/// queries are easier to spot in pg_stat_activity.
pub struct ReportingDb(pub PgPool);

impl ReportingDb {
    pub async fn connect() -> Result<Self, sqlx::Error> {
        let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
        let pool = PgPoolOptions::new()
            .max_connections(10)
            .application_name("catalog-reporting")
            .connect(&url)
            .await?;
        Ok(Self(pool))
    }
}
