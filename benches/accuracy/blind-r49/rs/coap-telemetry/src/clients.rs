use aws_config::BehaviorVersion;
use aws_sdk_dynamodb::Client as DynamoClient;

pub async fn dynamo() -> DynamoClient {
    let config = aws_config::defaults(BehaviorVersion::latest())
        .region("eu-central-1")
        .load()
        .await;
    DynamoClient::new(&config)
}
