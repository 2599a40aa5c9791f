use std::path::PathBuf;

use mongodb::bson::doc;
use tokio::sync::broadcast::{error::RecvError, Receiver};

pub async fn run(mut rx: Receiver<PathBuf>) {
    loop {
        let path = match rx.recv().await {
            Ok(p) => p,
            Err(RecvError::Lagged(n)) => {
                eprintln!("mirror lagged by {n}");
                continue;
            }
            Err(RecvError::Closed) => break,
        };

        let uri = std::env::var("MONGO_URI").unwrap_or_else(|_| "mongodb://localhost:27017".into());
        let client = match mongodb::Client::with_uri_str(&uri).await {
            Ok(c) => c,
            Err(e) => {
                eprintln!("mongo: {e}");
                continue;
            }
        };
        let files = client.database("archive").collection::<mongodb::bson::Document>("files");
        let _ = files
            .insert_one(doc! { "path": path.display().to_string(), "source": "scanner" })
            .await;
    }
}
