use mongodb::options::ClientOptions;
use mongodb::{Client, Database};

/// Connects to the moderation database.
pub async fn connect() -> anyhow::Result<Database> {
    let uri = std::env::var("MODBOT_MONGO_URI").unwrap_or_else(|_| "mongodb://mongo-0:27017".into());
    let mut opts = ClientOptions::parse(&uri).await?;
    opts.app_name = Some("modbot".into());
    let client = Client::with_options(opts)?;
    Ok(client.database("moderation"))
}
