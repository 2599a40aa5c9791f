use mongodb::{options::ClientOptions, Client};

/// Raw-reading archive (Mongo).
pub async fn archive_client() -> mongodb::error::Result<Client> {
    let uri = std::env::var("MONGO_URL").unwrap_or_else(|_| "mongodb://localhost:27017".into());
    let mut opts = ClientOptions::parse(uri).await?;
    opts.app_name = Some("coap-meter-gateway".into());
    Client::with_options(opts)
}
