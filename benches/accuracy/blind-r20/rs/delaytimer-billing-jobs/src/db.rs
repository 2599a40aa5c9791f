use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

/// The billing database is reached through the Supabase connection pooler
/// (transaction mode, port 6543) because the job host has no IPv6.
pub fn pooler_url() -> String {
    std::env::var("BILLING_DATABASE_URL").unwrap_or_else(|_| {
        "postgres://postgres.xkqbzmeoqwlnd:billing@aws-0-eu-central-1.pooler.supabase.com:6543/postgres".into()
    })
}

pub async fn connect() -> anyhow::Result<PgPool> {
    let pool = PgPoolOptions::new().max_connections(8).connect(&pooler_url()).await?;
    Ok(pool)
}
