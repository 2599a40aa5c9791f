use aws_config::BehaviorVersion;
use aws_sdk_sns::types::MessageAttributeValue;
use aws_sdk_sns::Client;

pub async fn cart_expired(topic_arn: &str, cart_id: &str, units: u64) -> anyhow::Result<()> {
    let config = aws_config::load_defaults(BehaviorVersion::latest()).await;
    let sns = Client::new(&config);
    sns.publish()
        .topic_arn(topic_arn)
        .message(format!(r#"{{"cart_id":"{cart_id}","released_units":{units}}}"#))
        .message_attributes(
            "event",
            MessageAttributeValue::builder()
                .data_type("String")
                .string_value("cart.expired")
                .build()?,
        )
        .send()
        .await?;
    Ok(())
}
