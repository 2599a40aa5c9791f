//! Process-wide clients for job bodies. Fang calls `run` once per task,
//! so nothing in a task body may build its own pool or client: they all
//! come from here and are initialised on first use only.

use std::sync::LazyLock;
use std::time::Duration;

use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, Tokio1Executor};
use sqlx::postgres::{PgPool, PgPoolOptions};
use tokio::sync::OnceCell;

static APP_DB: OnceCell<PgPool> = OnceCell::const_new();

pub async fn app_db() -> Result<&'static PgPool, sqlx::Error> {
    APP_DB
        .get_or_try_init(|| async {
            PgPoolOptions::new()
                .max_connections(6)
                .connect(&std::env::var("APP_DATABASE_URL").expect("APP_DATABASE_URL"))
                .await
        })
        .await
}

pub static HTTP: LazyLock<reqwest::Client> = LazyLock::new(|| {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("reqwest client")
});

pub static MAILER: LazyLock<AsyncSmtpTransport<Tokio1Executor>> = LazyLock::new(|| {
    let host = std::env::var("SMTP_HOST").unwrap_or_else(|_| "smtp.internal".to_owned());
    AsyncSmtpTransport::<Tokio1Executor>::relay(&host)
        .expect("smtp relay")
        .credentials(Credentials::new(
            std::env::var("SMTP_USER").unwrap_or_default(),
            std::env::var("SMTP_PASSWORD").unwrap_or_default(),
        ))
        .pool_config(lettre::transport::smtp::PoolConfig::new().max_size(4))
        .build()
});
