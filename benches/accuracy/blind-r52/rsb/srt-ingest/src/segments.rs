use aws_sdk_s3::primitives::ByteStream;
use bytes::Bytes;

use crate::Shared;

/// Uploads one MPEG-TS segment of a live contribution feed to the archive bucket.
pub async fn archive(
    shared: &Shared,
    channel: &str,
    session_id: i64,
    sequence: u64,
    segment: Bytes,
) -> anyhow::Result<()> {
    let key = segment_key(channel, session_id, sequence);
    let size = segment.len();

    let s3 = aws_sdk_s3::Client::new(&shared.aws);
    s3.put_object()
        .bucket(&shared.bucket)
        .key(&key)
        .content_type("video/mp2t")
        .body(ByteStream::from(segment))
        .send()
        .await?;

    tracing::debug!(key, size, "segment archived");
    Ok(())
}

/// `<channel>/<session>/<sequence>.ts`, zero-padded so listings sort in playback order.
fn segment_key(channel: &str, session_id: i64, sequence: u64) -> String {
    format!("{channel}/{session_id}/{sequence:08}.ts")
}
