use aws_sdk_s3::primitives::ByteStream;
use bytes::Bytes;

/// Stores the raw keyframe of a live stream; a separate transcoder turns it into a JPEG.
pub async fn store_keyframe(
    sdk_config: &aws_config::SdkConfig,
    bucket: &str,
    stream_key: &str,
    frame: Bytes,
) -> Result<(), aws_sdk_s3::Error> {
    let s3 = aws_sdk_s3::Client::new(sdk_config);
    let key = format!("keyframes/{}/latest.flv", stream_key);
    s3.put_object()
        .bucket(bucket)
        .key(key)
        .content_type("video/x-flv")
        .body(ByteStream::from(frame))
        .send()
        .await?;
    Ok(())
}
