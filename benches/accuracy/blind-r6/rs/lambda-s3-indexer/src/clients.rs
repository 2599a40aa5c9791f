use aws_config::BehaviorVersion;

/// AWS clients created during the Lambda init phase and reused by every
/// invocation that lands on this execution environment.
pub struct Clients {
    pub s3: aws_sdk_s3::Client,
    pub dynamo: aws_sdk_dynamodb::Client,
    pub table: String,
}

pub async fn init() -> Clients {
    let config = aws_config::load_defaults(BehaviorVersion::latest()).await;
    Clients {
        s3: aws_sdk_s3::Client::new(&config),
        dynamo: aws_sdk_dynamodb::Client::new(&config),
        table: std::env::var("INDEX_TABLE").unwrap_or_else(|_| "object-index".into()),
    }
}
