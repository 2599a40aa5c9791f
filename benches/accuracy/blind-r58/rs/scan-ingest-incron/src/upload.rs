//! S3 upload of the scanned document.

use anyhow::Result;
use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::Client;

const DEFAULT_BUCKET: &str = "acme-delivery-notes";

/// Builds the S3 client from the instance profile / environment.
pub async fn client() -> Client {
    let config = aws_config::load_from_env().await;
    Client::new(&config)
}

fn content_type(name: &str) -> &'static str {
    if name.to_ascii_lowercase().ends_with(".pdf") {
        "application/pdf"
    } else {
        "image/tiff"
    }
}

/// Uploads under a content-addressed key so re-scans of the same page
/// do not create duplicates.
pub async fn put_scan(s3: &Client, digest: &str, name: &str, bytes: Vec<u8>) -> Result<String> {
    let bucket = std::env::var("SCAN_BUCKET").unwrap_or_else(|_| DEFAULT_BUCKET.to_string());
    let key = format!("inbox/{}/{}/{digest}", &digest[..2], &digest[2..4]);

    s3.put_object()
        .bucket(&bucket)
        .key(&key)
        .content_type(content_type(name))
        .metadata("original-name", name)
        .body(ByteStream::from(bytes))
        .send()
        .await?;

    Ok(format!("s3://{bucket}/{key}"))
}
