use aws_config::BehaviorVersion;
use aws_sdk_s3::primitives::ByteStream;
use redis::AsyncCommands;
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize)]
pub struct RawEvent {
    pub session_id: String,
    pub user_id: Option<String>,
    pub url: String,
    pub ts: i64,
}

#[derive(Debug, Serialize)]
pub struct EnrichedEvent {
    pub session_id: String,
    pub user_id: Option<String>,
    pub url: String,
    pub ts: i64,
    pub segment: Option<String>,
}

const ARCHIVE_BUCKET: &str = "clickstream-archive";

/// Enrich one raw clickstream event with the user's segment and archive the raw payload.
pub async fn handle(payload: &str) -> anyhow::Result<EnrichedEvent> {
    let raw: RawEvent = serde_json::from_str(payload)?;

    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let client = redis::Client::open(redis_url)?;
    let mut con = client.get_multiplexed_async_connection().await?;

    let segment: Option<String> = match &raw.user_id {
        Some(uid) => con.get(format!("segment:{uid}")).await?,
        None => None,
    };

    let s3 = aws_sdk_s3::Client::new(&aws_config::load_defaults(BehaviorVersion::latest()).await);
    s3.put_object()
        .bucket(ARCHIVE_BUCKET)
        .key(format!("raw/{}/{}.json", raw.session_id, raw.ts))
        .body(ByteStream::from(payload.as_bytes().to_vec()))
        .send()
        .await?;

    Ok(EnrichedEvent {
        session_id: raw.session_id,
        user_id: raw.user_id,
        url: raw.url,
        ts: raw.ts,
        segment,
    })
}
