use async_trait::async_trait;
use aws_sdk_s3::primitives::ByteStream;
use backie::{BackgroundTask, CurrentTask};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::store::{self, DbPool};

#[derive(Clone)]
pub struct AppCtx {
    pub db: DbPool,
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct TaskError(String);

impl From<anyhow::Error> for TaskError {
    fn from(e: anyhow::Error) -> Self {
        TaskError(e.to_string())
    }
}

fn bucket() -> String {
    std::env::var("MEDIA_BUCKET").unwrap_or_else(|_| "media-prod".into())
}

/// Builds an S3 client for the media bucket.
async fn media_bucket() -> aws_sdk_s3::Client {
    let config = aws_config::load_from_env().await;
    aws_sdk_s3::Client::new(&config)
}

#[derive(Serialize, Deserialize)]
pub struct RenditionTask {
    pub media_id: Uuid,
    pub widths: Vec<u32>,
}

#[async_trait]
impl BackgroundTask for RenditionTask {
    const TASK_NAME: &'static str = "media_rendition";
    const QUEUE: &'static str = "media";
    type AppData = AppCtx;
    type Error = TaskError;

    async fn run(&self, task: CurrentTask, ctx: Self::AppData) -> Result<(), Self::Error> {
        log::info!("[{}] renditions for {}", task.id(), self.media_id);
        let key = store::object_key(&ctx.db, self.media_id).await?;

        let s3 = media_bucket().await;
        let original = s3
            .get_object()
            .bucket(bucket())
            .key(&key)
            .send()
            .await
            .map_err(|e| TaskError(e.to_string()))?;
        let bytes = original.body.collect().await.map_err(|e| TaskError(e.to_string()))?.into_bytes();
        let img = image::load_from_memory(&bytes).map_err(|e| TaskError(e.to_string()))?;

        for &w in &self.widths {
            let thumb = img.thumbnail(w, w);
            let mut out = std::io::Cursor::new(Vec::new());
            thumb
                .write_to(&mut out, image::ImageFormat::WebP)
                .map_err(|e| TaskError(e.to_string()))?;
            let thumb_key = format!("renditions/{}/{w}.webp", self.media_id);
            s3.put_object()
                .bucket(bucket())
                .key(&thumb_key)
                .content_type("image/webp")
                .body(ByteStream::from(out.into_inner()))
                .send()
                .await
                .map_err(|e| TaskError(e.to_string()))?;
            store::add_rendition(&ctx.db, self.media_id, w as i32, &thumb_key).await?;
        }
        store::mark(&ctx.db, self.media_id, "ready").await?;
        Ok(())
    }
}

#[derive(Serialize, Deserialize)]
pub struct PurgeOriginalTask {
    pub media_id: Uuid,
}

#[async_trait]
impl BackgroundTask for PurgeOriginalTask {
    const TASK_NAME: &'static str = "media_purge_original";
    const QUEUE: &'static str = "media";
    type AppData = AppCtx;
    type Error = TaskError;

    async fn run(&self, _task: CurrentTask, ctx: Self::AppData) -> Result<(), Self::Error> {
        let key = store::object_key(&ctx.db, self.media_id).await?;
        media_bucket()
            .await
            .delete_object()
            .bucket(bucket())
            .key(&key)
            .send()
            .await
            .map_err(|e| TaskError(e.to_string()))?;
        store::mark(&ctx.db, self.media_id, "original_purged").await?;
        Ok(())
    }
}
