use std::path::Path;

use anyhow::{Context, Result};
use aws_config::{BehaviorVersion, Region};
use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::types::StorageClass;
use aws_sdk_s3::Client;

/// Build an S3 client for the bucket's region.
pub async fn client(region: &str) -> Client {
    let conf = aws_config::defaults(BehaviorVersion::latest())
        .region(Region::new(region.to_string()))
        .load()
        .await;
    Client::new(&conf)
}

fn object_key(annex_key: &str) -> String {
    let prefix: String = annex_key.chars().rev().take(2).collect();
    format!("annex/{}/{}", prefix, annex_key)
}

pub async fn upload(s3: &Client, bucket: &str, annex_key: &str, file: &Path) -> Result<u64> {
    let size = tokio::fs::metadata(file).await?.len();
    let body = ByteStream::from_path(file)
        .await
        .context("reading annexed file")?;
    s3.put_object()
        .bucket(bucket)
        .key(object_key(annex_key))
        .storage_class(StorageClass::StandardIa)
        .body(body)
        .send()
        .await
        .context("put_object")?;
    Ok(size)
}

pub async fn download(s3: &Client, bucket: &str, annex_key: &str, file: &Path) -> Result<()> {
    let obj = s3
        .get_object()
        .bucket(bucket)
        .key(object_key(annex_key))
        .send()
        .await
        .context("get_object")?;
    let mut body = obj.body.into_async_read();
    let mut out = tokio::fs::File::create(file).await?;
    tokio::io::copy(&mut body, &mut out).await?;
    Ok(())
}

pub async fn delete(s3: &Client, bucket: &str, annex_key: &str) -> Result<()> {
    s3.delete_object()
        .bucket(bucket)
        .key(object_key(annex_key))
        .send()
        .await
        .context("delete_object")?;
    Ok(())
}
