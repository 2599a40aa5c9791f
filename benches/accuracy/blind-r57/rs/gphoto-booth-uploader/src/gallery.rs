use std::path::Path;

use aws_sdk_s3::primitives::ByteStream;
use uuid::Uuid;

use crate::camera::is_jpeg;
use crate::shared::Shared;

pub struct Shot<'a> {
    pub event_code: &'a str,
    pub local: &'a Path,
}

pub async fn publish(shared: &Shared, shot: Shot<'_>) -> anyhow::Result<Uuid> {
    let id = Uuid::new_v4();
    let ext = if is_jpeg(shot.local) { "jpg" } else { "raw" };
    let key = format!("{}/{}.{}", shot.event_code, id, ext);

    shared
        .s3
        .put_object()
        .bucket(&shared.bucket)
        .key(&key)
        .content_type(if ext == "jpg" { "image/jpeg" } else { "application/octet-stream" })
        .body(ByteStream::from_path(shot.local).await?)
        .send()
        .await?;

    sqlx::query(
        "INSERT INTO photos (id, event_code, s3_key, original_name, taken_at) \
         VALUES ($1, $2, $3, $4, now())",
    )
    .bind(id)
    .bind(shot.event_code)
    .bind(&key)
    .bind(shot.local.file_name().map(|n| n.to_string_lossy().into_owned()))
    .execute(&shared.db)
    .await?;

    tokio::fs::remove_file(shot.local).await?;
    Ok(id)
}

/// Re-publishes frames left in the spool after a failed upload; runs on the
/// camera's idle timeout, using the same shared clients.
pub async fn retry_spool(shared: &Shared, event_code: &str, spool: &Path) {
    let Ok(mut dir) = tokio::fs::read_dir(spool).await else { return };
    while let Ok(Some(entry)) = dir.next_entry().await {
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let shot = Shot { event_code, local: &path };
        if let Err(e) = publish(shared, shot).await {
            eprintln!("booth: retry of {} failed: {e}", path.display());
            break;
        }
    }
}
