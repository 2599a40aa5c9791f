//! Pulls card-settlement messages from the Azure Storage queue `settlements`,
//! books them in the ledger, records an audit row and mirrors the merchant
//! balance to Firestore for the merchant mobile app.

mod audit;
mod ledger;
mod settle;

use std::time::Duration;

use azure_storage::StorageCredentials;
use azure_storage_queues::QueueServiceClient;
use tracing::{error, info, warn};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let ledger_pool = ledger::init_pool()?;
    let audit_pool = audit::init_pool()?;

    let account = std::env::var("STORAGE_ACCOUNT")?;
    let access_key = std::env::var("STORAGE_ACCESS_KEY")?;
    let queue = QueueServiceClient::new(
        account.clone(),
        StorageCredentials::access_key(account, access_key),
    )
    .queue_client("settlements");

    let project_id = std::env::var("GCP_PROJECT_ID")?;
    info!("settlement worker started");

    loop {
        let batch = match queue
            .get_messages()
            .number_of_messages(16)
            .visibility_timeout(Duration::from_secs(120))
            .await
        {
            Ok(batch) => batch,
            Err(e) => {
                warn!(error = %e, "get_messages failed; backing off");
                tokio::time::sleep(Duration::from_secs(10)).await;
                continue;
            }
        };

        if batch.messages.is_empty() {
            tokio::time::sleep(Duration::from_secs(2)).await;
            continue;
        }

        for message in batch.messages {
            let queue = queue.clone();
            let ledger_pool = ledger_pool.clone();
            let audit_pool = audit_pool.clone();
            let project_id = project_id.clone();

            tokio::spawn(async move {
                match settle::handle(&message.message_text, &ledger_pool, &audit_pool, &project_id).await {
                    Ok(()) => {
                        if let Err(e) = queue.pop_receipt_client(message.pop_receipt()).delete().await {
                            warn!(error = %e, "could not delete settled message");
                        }
                    }
                    Err(e) => error!(error = %e, "settlement failed; message will reappear"),
                }
            });
        }
    }
}
