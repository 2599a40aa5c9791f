use std::error::Error;
use std::io::Cursor;

use aws_sdk_s3::primitives::ByteStream;
use redis::AsyncCommands;
use serde::Deserialize;
use sqlxmq::{job, CurrentJob};
use uuid::Uuid;

use crate::cache;
use crate::reports::ReportStore;

type JobResult = Result<(), Box<dyn Error + Send + Sync + 'static>>;

#[derive(Deserialize)]
struct UploadRef {
    upload_id: Uuid,
    bucket: String,
    key: String,
}

#[derive(Deserialize)]
struct PostPublished {
    post_id: Uuid,
    author_id: Uuid,
}

#[job(channel_name = "media", retries = 3)]
pub async fn generate_thumbnail(mut current_job: CurrentJob, reports: ReportStore) -> JobResult {
    let input: UploadRef = current_job.json()?.ok_or("missing payload")?;

    let config = aws_config::load_from_env().await;
    let s3 = aws_sdk_s3::Client::new(&config);

    let original = s3.get_object().bucket(&input.bucket).key(&input.key).send().await?;
    let bytes = original.body.collect().await?.into_bytes();

    let img = image::load_from_memory(&bytes)?;
    let mut out = Cursor::new(Vec::new());
    img.thumbnail(320, 320).write_to(&mut out, image::ImageFormat::Jpeg)?;
    let thumb = out.into_inner();
    let size = thumb.len();

    s3.put_object()
        .bucket(&input.bucket)
        .key(format!("thumbs/{}.jpg", input.upload_id))
        .content_type("image/jpeg")
        .body(ByteStream::from(thumb))
        .send()
        .await?;

    sqlx::query("UPDATE uploads SET thumbnail_ready = true WHERE id = $1")
        .bind(input.upload_id)
        .execute(current_job.pool())
        .await?;
    reports.thumbnail_done(input.upload_id, size).await?;

    current_job.complete().await?;
    Ok(())
}

#[job(channel_name = "fanout")]
pub async fn notify_followers(mut current_job: CurrentJob) -> JobResult {
    let ev: PostPublished = current_job.json()?.ok_or("missing payload")?;

    let followers: Vec<(Uuid,)> =
        sqlx::query_as("SELECT follower_id FROM follows WHERE author_id = $1")
            .bind(ev.author_id)
            .fetch_all(current_job.pool())
            .await?;

    let mut redis = cache::connect().await?;
    for (follower,) in &followers {
        let key = format!("feed:{follower}");
        let _: () = redis.lpush(&key, ev.post_id.to_string()).await?;
        let _: () = redis.ltrim(&key, 0, 499).await?;
    }

    current_job.complete().await?;
    Ok(())
}

#[job(channel_name = "media")]
pub async fn purge_upload(mut current_job: CurrentJob, s3: aws_sdk_s3::Client) -> JobResult {
    let input: UploadRef = current_job.json()?.ok_or("missing payload")?;

    s3.delete_object().bucket(&input.bucket).key(&input.key).send().await?;
    s3.delete_object()
        .bucket(&input.bucket)
        .key(format!("thumbs/{}.jpg", input.upload_id))
        .send()
        .await?;

    let mut tx = current_job.pool().begin().await?;
    sqlx::query("DELETE FROM uploads WHERE id = $1")
        .bind(input.upload_id)
        .execute(&mut *tx)
        .await?;
    current_job.complete_with_transaction(tx).await?;
    Ok(())
}
