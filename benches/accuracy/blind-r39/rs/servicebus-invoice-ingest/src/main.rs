mod audit;
mod clients;
mod db;
mod handlers;

use azservicebus::{ServiceBusClient, ServiceBusClientOptions, ServiceBusReceiverOptions};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let conn_str = std::env::var("SERVICEBUS_CONNECTION_STRING")?;
    let queue = std::env::var("INVOICE_QUEUE").unwrap_or_else(|_| "supplier-invoices".into());

    let pool = db::pool()?;

    let mut client =
        ServiceBusClient::new_from_connection_string(conn_str, ServiceBusClientOptions::default())
            .await?;
    let mut receiver = client
        .create_receiver_for_queue(&queue, ServiceBusReceiverOptions::default())
        .await?;

    tracing::info!(%queue, "waiting for invoices");
    loop {
        let messages = receiver.receive_messages(16).await?;
        for message in messages {
            match handlers::handle_invoice(&pool, message.body()?).await {
                Ok(()) => receiver.complete_message(&message).await?,
                Err(e) => {
                    tracing::error!(error = %e, "invoice failed, abandoning");
                    receiver.abandon_message(&message, None).await?;
                }
            }
        }
    }
}
