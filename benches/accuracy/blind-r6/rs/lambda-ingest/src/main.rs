use aws_config::BehaviorVersion;
use aws_sdk_dynamodb::types::AttributeValue;
use aws_sdk_s3::primitives::ByteStream;
use lambda_http::{run, service_fn, Body, Error, Request, RequestPayloadExt, Response};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct IngestEvent {
    device_id: String,
    batch_id: String,
    readings: Vec<f64>,
}

async fn handler(s3: &aws_sdk_s3::Client, event: Request) -> Result<Response<Body>, Error> {
    let Some(body) = event.payload::<IngestEvent>()? else {
        return Ok(Response::builder().status(400).body("missing body".into())?);
    };

    let bucket = std::env::var("RAW_BUCKET")?;
    let table = std::env::var("BATCH_TABLE")?;

    // archive the raw batch (client shared from main)
    s3.put_object()
        .bucket(&bucket)
        .key(format!("{}/{}.json", body.device_id, body.batch_id))
        .body(ByteStream::from(serde_json::to_vec(&body.readings)?))
        .send()
        .await?;

    let config = aws_config::load_defaults(BehaviorVersion::latest()).await;
    let dynamo = aws_sdk_dynamodb::Client::new(&config);

    let avg = body.readings.iter().sum::<f64>() / body.readings.len().max(1) as f64;
    dynamo
        .put_item()
        .table_name(&table)
        .item("pk", AttributeValue::S(format!("DEVICE#{}", body.device_id)))
        .item("sk", AttributeValue::S(format!("BATCH#{}", body.batch_id)))
        .item("avg", AttributeValue::N(avg.to_string()))
        .item("count", AttributeValue::N(body.readings.len().to_string()))
        .send()
        .await?;

    if avg > 90.0 {
        let hook = std::env::var("ALERT_WEBHOOK")?;
        reqwest::Client::new()
            .post(hook)
            .json(&serde_json::json!({ "device": body.device_id, "avg": avg }))
            .send()
            .await?;
    }

    Ok(Response::builder()
        .status(202)
        .header("content-type", "application/json")
        .body(serde_json::json!({ "accepted": body.batch_id }).to_string().into())?)
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    tracing_subscriber::fmt().json().with_target(false).without_time().init();

    let config = aws_config::load_defaults(BehaviorVersion::latest()).await;
    let s3 = aws_sdk_s3::Client::new(&config);
    let s3 = &s3;

    run(service_fn(move |event: Request| async move { handler(s3, event).await })).await
}
