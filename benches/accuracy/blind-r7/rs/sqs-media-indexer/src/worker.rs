use aws_config::BehaviorVersion;
use aws_sdk_sqs::types::Message;
use deadpool_postgres::Pool;
use serde::Deserialize;

#[derive(Deserialize)]
struct UploadEvent {
    bucket: String,
    key: String,
}

/// Handles one SQS message: look the object up in S3 and upsert its metadata.
pub async fn handle(pool: &Pool, msg: &Message) -> anyhow::Result<String> {
    let event: UploadEvent = serde_json::from_str(msg.body().unwrap_or("{}"))?;

    let s3 = aws_sdk_s3::Client::new(&aws_config::load_defaults(BehaviorVersion::latest()).await);
    let head = s3
        .head_object()
        .bucket(&event.bucket)
        .key(&event.key)
        .send()
        .await?;
    let size = head.content_length().unwrap_or(0);
    let content_type = head
        .content_type()
        .unwrap_or("application/octet-stream")
        .to_string();

    let client = pool.get().await?;
    client
        .execute(
            "INSERT INTO media (bucket, key, size_bytes, content_type) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (bucket, key) DO UPDATE SET size_bytes = EXCLUDED.size_bytes, \
             content_type = EXCLUDED.content_type",
            &[&event.bucket, &event.key, &size, &content_type],
        )
        .await?;
    Ok(event.key)
}
