//! Process-wide clients shared by all tasks of this worker.

use std::sync::LazyLock;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use tokio::sync::OnceCell;

const DEFAULT_LEDGER_URL: &str =
    "postgres://billing_worker@aws-0-eu-central-1.pooler.supabase.com:6543/postgres?sslmode=require";

static LEDGER: OnceCell<PgPool> = OnceCell::const_new();

pub static HTTP: LazyLock<reqwest::Client> = LazyLock::new(|| {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .user_agent("billing-celery-worker/2.1")
        .build()
        .expect("reqwest client")
});

/// Ledger database (Supabase, through the transaction pooler).
pub async fn ledger() -> &'static PgPool {
    LEDGER
        .get_or_init(|| async {
            let url = std::env::var("LEDGER_DATABASE_URL").unwrap_or_else(|_| DEFAULT_LEDGER_URL.to_string());
            PgPoolOptions::new().max_connections(10).acquire_timeout(Duration::from_secs(5)).connect_lazy(&url).expect("valid ledger url")
        })
        .await
}
