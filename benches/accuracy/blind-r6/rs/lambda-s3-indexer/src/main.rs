mod clients;

use aws_lambda_events::event::s3::S3Event;
use aws_sdk_dynamodb::types::AttributeValue;
use lambda_runtime::{run, service_fn, Error, LambdaEvent};

use clients::Clients;

async fn index_objects(clients: &Clients, event: LambdaEvent<S3Event>) -> Result<usize, Error> {
    let mut indexed = 0;
    for record in event.payload.records {
        let (Some(bucket), Some(key)) = (record.s3.bucket.name, record.s3.object.key) else {
            continue;
        };

        let head = clients.s3.head_object().bucket(&bucket).key(&key).send().await?;
        let size = head.content_length().unwrap_or_default();
        let content_type = head.content_type().unwrap_or("application/octet-stream").to_string();

        clients
            .dynamo
            .put_item()
            .table_name(&clients.table)
            .item("pk", AttributeValue::S(format!("{bucket}/{key}")))
            .item("size", AttributeValue::N(size.to_string()))
            .item("content_type", AttributeValue::S(content_type))
            .item("request_id", AttributeValue::S(event.context.request_id.clone()))
            .send()
            .await?;
        indexed += 1;
    }
    tracing::info!(indexed, "indexed objects");
    Ok(indexed)
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    tracing_subscriber::fmt().with_target(false).without_time().init();

    let clients = clients::init().await;
    let clients = &clients;

    run(service_fn(move |event: LambdaEvent<S3Event>| async move {
        index_objects(clients, event).await
    }))
    .await
}
