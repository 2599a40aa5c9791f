use std::error::Error;
use std::path::{Path, PathBuf};

use aws_config::BehaviorVersion;
use aws_sdk_s3::primitives::ByteStream;
use serde_json::json;

use crate::manifest;

pub struct SyncConfig {
    pub root: PathBuf,
    pub bucket: String,
    pub purge_url: Option<String>,
}

type BoxError = Box<dyn Error + Send + Sync>;

fn content_type(path: &Path) -> String {
    mime_guess::from_path(path)
        .first_or_octet_stream()
        .essence_str()
        .to_string()
}

/// Uploads one debounced batch of changed files.
pub async fn sync_batch(
    cfg: &SyncConfig,
    http: &reqwest::Client,
    changed: &[PathBuf],
) -> Result<usize, BoxError> {
    let sdk_config = aws_config::load_defaults(BehaviorVersion::latest()).await;
    let s3 = aws_sdk_s3::Client::new(&sdk_config);

    let mut keys = Vec::with_capacity(changed.len());
    for path in changed {
        let key = path
            .strip_prefix(&cfg.root)?
            .to_string_lossy()
            .replace('\\', "/");
        let body = ByteStream::from_path(path).await?;
        s3.put_object()
            .bucket(&cfg.bucket)
            .key(&key)
            .content_type(content_type(path))
            .cache_control("public, max-age=300")
            .body(body)
            .send()
            .await?;
        keys.push(key);
    }

    manifest::record_uploads(&cfg.bucket, &keys).await?;

    if let Some(url) = &cfg.purge_url {
        let paths: Vec<String> = keys.iter().map(|k| format!("/{k}")).collect();
        http.post(url)
            .json(&json!({ "paths": paths }))
            .send()
            .await?
            .error_for_status()?;
    }
    Ok(keys.len())
}
