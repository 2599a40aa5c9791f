use aws_config::BehaviorVersion;

/// SNS client for chargeback alerts.
pub async fn sns_client() -> aws_sdk_sns::Client {
    let config = aws_config::load_defaults(BehaviorVersion::latest()).await;
    aws_sdk_sns::Client::new(&config)
}
