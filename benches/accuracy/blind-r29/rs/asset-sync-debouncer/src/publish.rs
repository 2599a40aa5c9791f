use std::path::{Path, PathBuf};

use aws_sdk_s3::primitives::ByteStream;
use sqlx::PgPool;

pub struct Publisher {
    pool: PgPool,
    s3: aws_sdk_s3::Client,
    bucket: String,
}

impl Publisher {
    pub fn new(pool: PgPool, s3: aws_sdk_s3::Client, bucket: String) -> Self {
        Self { pool, s3, bucket }
    }

    /// One debounced batch: upload every frame, then record them all in a
    /// single transaction on the shared pool.
    pub async fn publish_batch(&self, root: &Path, frames: &[PathBuf]) -> anyhow::Result<()> {
        let mut keys = Vec::with_capacity(frames.len());
        for frame in frames {
            let key = frame
                .strip_prefix(root)
                .unwrap_or(frame)
                .to_string_lossy()
                .replace('\\', "/");
            let body = ByteStream::from_path(frame).await?;
            self.s3
                .put_object()
                .bucket(&self.bucket)
                .key(&key)
                .body(body)
                .send()
                .await?;
            keys.push(key);
        }

        let mut tx = self.pool.begin().await?;
        for key in &keys {
            sqlx::query(
                "INSERT INTO published_frames (s3_key, published_at) VALUES ($1, now()) \
                 ON CONFLICT (s3_key) DO UPDATE SET published_at = now()",
            )
            .bind(key)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        tracing::info!("published {} frames", keys.len());
        Ok(())
    }
}
