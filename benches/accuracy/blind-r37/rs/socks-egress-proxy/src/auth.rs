use argon2::{Argon2, PasswordHash, PasswordVerifier};
use async_trait::async_trait;
use fast_socks5::server::Authentication;
use sqlx::PgPool;

pub struct RunnerAuth {
    pool: PgPool,
}

impl RunnerAuth {
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }
}

#[async_trait]
impl Authentication for RunnerAuth {
    type Item = String;

    async fn authenticate(&self, credentials: Option<(String, String)>) -> Option<Self::Item> {
        let (runner, password) = credentials?;
        let hash: Option<String> = sqlx::query_scalar(
            "SELECT password_hash FROM ci_runners WHERE name = $1 AND enabled",
        )
        .bind(&runner)
        .fetch_optional(&self.pool)
        .await
        .ok()
        .flatten();

        let hash = hash?;
        let parsed = PasswordHash::new(&hash).ok()?;
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .ok()
            .map(|_| runner)
    }
}
