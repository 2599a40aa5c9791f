mod clients;
mod indexer;

use atrium_api::types::string::Nsid;
use jetstream_oxide::events::JetstreamEvent::Commit;
use jetstream_oxide::{DefaultJetstreamEndpoints, JetstreamCompression, JetstreamConfig, JetstreamConnector};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    // Built exactly once; the indexer only borrows them.
    let pool = clients::make_pool(&std::env::var("DATABASE_URL")?).await?;
    let http = clients::make_http()?;
    let indexer = indexer::Indexer::new(pool.clone(), http, std::env::var("MODERATION_URL").ok());

    let config = JetstreamConfig {
        endpoint: DefaultJetstreamEndpoints::USEastOne.into(),
        wanted_collections: vec![
            Nsid::new("app.bsky.feed.post".to_string()).unwrap(),
            Nsid::new("app.bsky.feed.like".to_string()).unwrap(),
        ],
        compression: JetstreamCompression::Zstd,
        cursor: indexer.last_cursor().await?,
        ..Default::default()
    };
    let jetstream = JetstreamConnector::new(config)?;
    let (receiver, _) = jetstream.connect().await?;

    let mut handled: u64 = 0;
    while let Ok(event) = receiver.recv_async().await {
        if let Commit(commit) = event {
            if let Err(e) = indexer.handle(commit).await {
                tracing::warn!("event skipped: {e:#}");
            }
            handled += 1;
            if handled % 1000 == 0 {
                indexer.save_cursor().await?;
            }
        }
    }

    pool.close().await;
    Ok(())
}
