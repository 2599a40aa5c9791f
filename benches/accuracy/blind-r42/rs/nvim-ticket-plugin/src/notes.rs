//! Team notes live in the shared "devnotes" MongoDB.

use mongodb::bson::Document;
use mongodb::options::ClientOptions;
use mongodb::{Client, Collection};

pub async fn connect() -> mongodb::error::Result<Client> {
    let uri = std::env::var("DEVNOTES_MONGO_URI")
        .unwrap_or_else(|_| "mongodb://devnotes.internal:27017".to_string());
    let mut opts = ClientOptions::parse(&uri).await?;
    opts.app_name = Some("nvim-ticket-plugin".to_string());
    opts.max_pool_size = Some(4);
    Client::with_options(opts)
}

pub fn collection(client: &Client) -> Collection<Document> {
    client.database("devnotes").collection::<Document>("ticket_notes")
}
