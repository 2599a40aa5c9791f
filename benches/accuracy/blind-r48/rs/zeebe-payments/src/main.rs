mod handlers;
mod ledger;
mod receipts;

use std::time::Duration;

use zeebe::Client;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt::init();

    // ZEEBE_ADDRESS / ZEEBE_CLIENT_ID / ZEEBE_CLIENT_SECRET
    let client = Client::from_env()?;

    let ledger = ledger::Ledger::connect().await?;
    let receipts = receipts::ReceiptStore::connect().await?;
    let mailer = reqwest::Client::builder()
        .timeout(Duration::from_secs(15))
        .build()?;
    let mailer_url = std::env::var("MAILER_URL").unwrap_or_else(|_| "http://mailer.internal".to_string());

    let charge_worker = client
        .job_worker()
        .with_job_type("charge-card")
        .with_auto_handler(handlers::charge_card)
        .with_state(ledger)
        .run();

    let receipt_worker = client
        .job_worker()
        .with_job_type("send-receipt")
        .with_auto_handler(handlers::send_receipt)
        .with_state(handlers::ReceiptDeps { store: receipts, mailer, mailer_url })
        .run();

    tokio::try_join!(charge_worker, receipt_worker)?;
    Ok(())
}
