mod clients;
mod jobs;

use std::env;

use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,sqlx=warn".into()))
        .init();

    // Every long-lived client is created here, once, and handed to the job
    // as its state; steps only borrow them.
    let pool = clients::pg_pool().await?;
    underway::run_migrations(&pool).await?;

    let state = jobs::State {
        pool: pool.clone(),
        http: clients::http_client()?,
        s3: clients::s3_client().await,
        bucket: env::var("INVOICE_BUCKET")?,
        pdf_service: env::var("PDF_SERVICE_URL")?,
    };

    let job = jobs::issue_invoices(state, pool).await?;
    let nightly = "@daily[Europe/Berlin]".parse()?;
    job.schedule(&nightly, &jobs::Sweep { batch: 500 }).await?;

    job.run().await?;
    Ok(())
}
