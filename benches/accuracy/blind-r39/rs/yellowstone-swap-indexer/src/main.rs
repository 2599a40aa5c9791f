mod db;
mod indexer;

use std::collections::HashMap;
use std::time::Duration;

use futures::{SinkExt, StreamExt};
use yellowstone_grpc_client::{ClientTlsConfig, GeyserGrpcClient};
use yellowstone_grpc_proto::prelude::{
    subscribe_update::UpdateOneof, CommitmentLevel, SubscribeRequest,
    SubscribeRequestFilterTransactions, SubscribeRequestPing,
};

use indexer::Indexer;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = db::connect_with_retry(&std::env::var("DATABASE_URL")?).await?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;
    let indexer = Indexer {
        pool,
        http,
        alert_url: std::env::var("ALERT_WEBHOOK_URL")?,
        large_swap_lamports: 5_000_000_000_000,
    };

    let mut client = GeyserGrpcClient::build_from_shared(std::env::var("GEYSER_ENDPOINT")?)?
        .x_token(std::env::var("GEYSER_X_TOKEN").ok())?
        .tls_config(ClientTlsConfig::new().with_native_roots())?
        .connect_timeout(Duration::from_secs(10))
        .connect()
        .await?;

    let mut transactions = HashMap::new();
    transactions.insert(
        "amm".to_string(),
        SubscribeRequestFilterTransactions {
            vote: Some(false),
            failed: None,
            signature: None,
            account_include: vec![std::env::var("AMM_PROGRAM_ID")?],
            account_exclude: vec![],
            account_required: vec![],
        },
    );
    let request = SubscribeRequest {
        transactions,
        commitment: Some(CommitmentLevel::Confirmed as i32),
        ..Default::default()
    };

    let (mut subscribe_tx, mut stream) = client.subscribe_with_request(Some(request)).await?;
    tracing::info!("subscribed");

    while let Some(message) = stream.next().await {
        match message?.update_oneof {
            Some(UpdateOneof::Transaction(update)) => {
                if let Err(e) = indexer.handle(update).await {
                    tracing::error!(error = %e, "failed to index transaction");
                }
            }
            Some(UpdateOneof::Ping(_)) => {
                subscribe_tx
                    .send(SubscribeRequest {
                        ping: Some(SubscribeRequestPing { id: 1 }),
                        ..Default::default()
                    })
                    .await?;
            }
            _ => {}
        }
    }

    // let systemd restart us; the cursor table tells ops where we stopped
    anyhow::bail!("geyser stream ended")
}
