//! One ingest per inserted volume: copy every photo to S3 and register the
//! batch in Postgres using the shared pool.

use std::path::{Path, PathBuf};

use aws_sdk_s3::primitives::ByteStream;
use sqlx::PgPool;
use uuid::Uuid;
use walkdir::WalkDir;

pub struct Ctx {
    pub kiosk_id: String,
    pub pool: PgPool,
    pub s3: aws_sdk_s3::Client,
    pub bucket: String,
}

const EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "heic", "cr2", "nef", "arw"];

fn mount_point(label: &str) -> PathBuf {
    PathBuf::from("/media/kiosk").join(label)
}

fn is_photo(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .map(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        .unwrap_or(false)
}

pub async fn ingest_volume(ctx: &Ctx, devnode: &Path, label: &str) -> anyhow::Result<usize> {
    let root = mount_point(label);
    let batch_id = Uuid::new_v4();
    let photos: Vec<PathBuf> = WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && is_photo(e.path()))
        .map(|e| e.into_path())
        .collect();

    let mut keys = Vec::with_capacity(photos.len());
    for path in &photos {
        let rel = path.strip_prefix(&root).unwrap_or(path).to_string_lossy();
        let key = format!("{}/{}/{}", ctx.kiosk_id, batch_id, rel);
        ctx.s3
            .put_object()
            .bucket(&ctx.bucket)
            .key(&key)
            .body(ByteStream::from_path(path).await?)
            .send()
            .await?;
        keys.push(key);
    }

    let mut tx = ctx.pool.begin().await?;
    sqlx::query("INSERT INTO batches (id, kiosk_id, device, label, photo_count) VALUES ($1, $2, $3, $4, $5)")
        .bind(batch_id)
        .bind(&ctx.kiosk_id)
        .bind(devnode.to_string_lossy().as_ref())
        .bind(label)
        .bind(keys.len() as i32)
        .execute(&mut *tx)
        .await?;
    for key in &keys {
        sqlx::query("INSERT INTO batch_photos (batch_id, s3_key) VALUES ($1, $2)")
            .bind(batch_id)
            .bind(key)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(keys.len())
}
