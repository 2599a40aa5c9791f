use aws_config::BehaviorVersion;

/// S3 client for mission reports.
pub async fn s3() -> aws_sdk_s3::Client {
    let conf = aws_config::load_defaults(BehaviorVersion::latest()).await;
    aws_sdk_s3::Client::new(&conf)
}
