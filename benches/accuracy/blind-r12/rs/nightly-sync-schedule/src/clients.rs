//! Constructors for the long-lived clients. Only `main` calls these.

use std::time::Duration;

use aws_config::BehaviorVersion;
use mongodb::options::ClientOptions;

pub async fn mongo() -> anyhow::Result<mongodb::Client> {
    let uri = std::env::var("MONGO_URI").unwrap_or_else(|_| "mongodb://127.0.0.1:27017".into());
    let mut options = ClientOptions::parse(uri).await?;
    options.app_name = Some("nightly-sync".to_string());
    options.max_pool_size = Some(8);
    options.connect_timeout = Some(Duration::from_secs(5));
    Ok(mongodb::Client::with_options(options)?)
}

pub async fn s3() -> aws_sdk_s3::Client {
    let sdk_config = aws_config::load_defaults(BehaviorVersion::latest()).await;
    aws_sdk_s3::Client::new(&sdk_config)
}
