mod store;

use std::collections::HashSet;

use mongodb::bson::{self, doc};
use subxt::{OnlineClient, PolkadotConfig};

struct Indexer {
    store: store::Store,
    http: reqwest::Client,
    alert_webhook: String,
    watched: HashSet<String>,
}

impl Indexer {
    async fn alert(&self, block: u64, fields: &serde_json::Value) {
        let body = serde_json::json!({ "text": format!("watched account moved funds in block {block}"), "fields": fields });
        if let Err(e) = self.http.post(&self.alert_webhook).json(&body).send().await {
            tracing::warn!("alert webhook failed: {e}");
        }
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let mongo = store::connect(&std::env::var("MONGODB_URI")?).await?;
    let indexer = Indexer {
        store: store::Store::new(&mongo),
        http: reqwest::Client::builder().user_agent("transfer-indexer/0.7").build()?,
        alert_webhook: std::env::var("ALERT_WEBHOOK")?,
        watched: std::env::var("WATCHED_ACCOUNTS")
            .unwrap_or_default()
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
    };

    let rpc_url = std::env::var("RPC_URL").unwrap_or_else(|_| "wss://rpc.polkadot.io:443".into());
    let api = OnlineClient::<PolkadotConfig>::from_url(&rpc_url).await?;

    let mut blocks = api.blocks().subscribe_finalized().await?;
    while let Some(block) = blocks.next().await {
        let block = block?;
        let number = block.number() as u64;
        let hash = format!("{:?}", block.hash());

        let mut docs = Vec::new();
        for event in block.events().await?.iter() {
            let event = event?;
            if event.pallet_name() != "Balances" || event.variant_name() != "Transfer" {
                continue;
            }
            let fields = serde_json::to_value(event.field_values()?)?;
            let raw = fields.to_string();
            if indexer.watched.iter().any(|acct| raw.contains(acct.as_str())) {
                indexer.alert(number, &fields).await;
            }
            docs.push(doc! {
                "block": number as i64,
                "block_hash": &hash,
                "index": event.index() as i64,
                "fields": bson::to_bson(&fields)?,
            });
        }
        indexer.store.save_block(number, docs).await?;
        tracing::info!(number, "indexed block");
    }
    Ok(())
}
