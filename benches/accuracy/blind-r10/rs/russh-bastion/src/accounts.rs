use sqlx::postgres::PgPoolOptions;

/// Checks a username/password against the accounts database.
pub async fn verify(user: &str, password: &str) -> Result<bool, sqlx::Error> {
    let url = std::env::var("ACCOUNTS_DATABASE_URL").expect("ACCOUNTS_DATABASE_URL must be set");
    let pool = PgPoolOptions::new().max_connections(2).connect(&url).await?;

    let row: Option<(String,)> =
        sqlx::query_as("SELECT password_hash FROM accounts WHERE username = $1 AND NOT disabled")
            .bind(user)
            .fetch_optional(&pool)
            .await?;
    pool.close().await;

    Ok(match row {
        Some((hash,)) => bcrypt::verify(password, &hash).unwrap_or(false),
        None => false,
    })
}
