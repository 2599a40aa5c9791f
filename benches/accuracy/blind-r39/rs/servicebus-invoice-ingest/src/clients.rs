use aws_sdk_s3::Client;

/// S3 client for the invoice archive bucket (region/credentials from the environment).
pub async fn s3() -> Client {
    let config = aws_config::load_from_env().await;
    Client::new(&config)
}
