use std::time::Duration;

use graphile_worker::WorkerOptions;
use signup_service::db;
use signup_service::tasks::{Mailer, SendWelcomeEmail};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = db::make_pool(5).await?;
    let mailer = Mailer {
        http: reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()?,
        api_url: std::env::var("MAIL_API_URL")?,
        api_key: std::env::var("MAIL_API_KEY")?,
    };

    tracing::info!("signup worker starting");
    WorkerOptions::default()
        .concurrency(4)
        .schema("graphile_worker")
        .define_job::<SendWelcomeEmail>()
        .pg_pool(pool)
        .add_extension(mailer)
        .init()
        .await?
        .run()
        .await?;
    Ok(())
}
