mod frames;

use std::time::Duration;

use anyhow::{bail, Result};
use mongodb::bson::{doc, Document};
use mongodb::Client;
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};

use frames::Frame;

/// Bounded wait for MongoDB while the stack starts; the same client is used for the life of the process.
async fn connect_mongo(uri: &str) -> Result<Client> {
    for attempt in 1..=10 {
        let client = Client::with_uri_str(uri).await?;
        match client.database("admin").run_command(doc! { "ping": 1 }).await {
            Ok(_) => return Ok(client),
            Err(e) => {
                tracing::warn!("mongodb not ready (attempt {attempt}/10): {e}");
                client.shutdown().await;
                tokio::time::sleep(Duration::from_secs(3)).await;
            }
        }
    }
    bail!("mongodb unavailable")
}

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();
    let mongo = connect_mongo(&std::env::var("MONGODB_URI")?).await?;
    let listener = TcpListener::bind("0.0.0.0:5044").await?;
    tracing::info!("beats input on tcp/5044");

    loop {
        let (stream, peer) = tokio::select! {
            _ = tokio::signal::ctrl_c() => break,
            accepted = listener.accept() => accepted?,
        };
        let mongo = mongo.clone(); // cheap handle onto the same connection pool
        tokio::spawn(async move {
            if let Err(e) = serve(stream, mongo).await {
                tracing::warn!("beat {peer} disconnected: {e:#}");
            }
        });
    }
    mongo.shutdown().await;
    Ok(())
}

/// One Filebeat connection; it sends a window of events and waits for the ack of the last sequence.
async fn serve(mut stream: TcpStream, mongo: Client) -> Result<()> {
    let db = mongo.database("pos_logs");
    let mut pending: Vec<Document> = Vec::new();
    let mut window = 0u32;
    let mut last_seq = 0u32;

    while let Some(batch) = frames::read_batch(&mut stream).await? {
        for frame in batch {
            match frame {
                Frame::Window(n) => window = n,
                Frame::Json { seq, event } => {
                    let mut d = mongodb::bson::to_document(&event)?;
                    d.insert("_received", mongodb::bson::DateTime::now());
                    pending.push(d);
                    last_seq = seq;
                }
            }
        }
        if window > 0 && pending.len() as u32 >= window {
            // daily collections: receipts-2024-11-29
            let coll = db.collection::<Document>(&format!("receipts-{}", chrono::Utc::now().format("%Y-%m-%d")));
            coll.insert_many(std::mem::take(&mut pending)).await?;
            stream.write_all(&[b'2', b'A']).await?;
            stream.write_all(&last_seq.to_be_bytes()).await?;
            window = 0;
        }
    }
    Ok(())
}
