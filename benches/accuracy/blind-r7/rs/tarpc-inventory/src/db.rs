use mongodb::{Client, Database};

pub async fn connect() -> mongodb::error::Result<Database> {
    let uri = std::env::var("MONGO_URI").unwrap_or_else(|_| "mongodb://localhost:27017".into());
    let client = Client::with_uri_str(&uri).await?;
    Ok(client.database("inventory"))
}
