use mongodb::{Client, Database};
use tokio::sync::OnceCell;

static MONGO: OnceCell<Client> = OnceCell::const_new();

/// Shared Mongo handle for the bot's own collections.
pub async fn database() -> Database {
    let client = MONGO
        .get_or_init(|| async {
            let uri = std::env::var("MONGODB_URI").expect("MONGODB_URI must be set");
            Client::with_uri_str(&uri).await.expect("mongodb connect")
        })
        .await;
    client.database("chatbot")
}
