use std::time::Duration;

use aws_sdk_s3::primitives::ByteStream;

/// Copies product images into our bucket so the dashboard does not hotlink
/// the retailer. Returns the S3 keys that were written.
pub async fn mirror_images(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    product_url: &str,
    image_urls: &[String],
) -> Vec<String> {
    let http = match reqwest::Client::builder().timeout(Duration::from_secs(20)).build() {
        Ok(c) => c,
        Err(e) => {
            tracing::error!("http client: {e}");
            return Vec::new();
        }
    };

    let prefix = product_url
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("unknown")
        .to_string();

    let mut keys = Vec::new();
    for (i, src) in image_urls.iter().enumerate().take(8) {
        let resp = match http.get(src).send().await.and_then(|r| r.error_for_status()) {
            Ok(r) => r,
            Err(e) => {
                tracing::warn!(%src, "image download failed: {e}");
                continue;
            }
        };
        let content_type = resp
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("image/jpeg")
            .to_string();
        let Ok(bytes) = resp.bytes().await else { continue };

        let key = format!("products/{prefix}/{i}.img");
        let put = s3
            .put_object()
            .bucket(bucket)
            .key(&key)
            .content_type(content_type)
            .body(ByteStream::from(bytes.to_vec()))
            .send()
            .await;
        match put {
            Ok(_) => keys.push(key),
            Err(e) => tracing::warn!(%key, "s3 upload failed: {e}"),
        }
    }
    keys
}
