//! Pulls "make thumbnails" jobs from an RSMQ queue, resizes the original from
//! S3, records the variants in Postgres and calls the CDN purge hook.
mod clients;

use std::io::Cursor;
use std::time::Duration;

use rsmq_async::RsmqConnection;
use serde::Deserialize;

const QUEUE: &str = "thumbnails";
const SIZES: &[u32] = &[160, 480, 1024];

#[derive(Deserialize)]
struct Job {
    asset_id: i64,
    bucket: String,
    key: String,
}

struct Worker {
    pool: sqlx::PgPool,
    s3: aws_sdk_s3::Client,
    http: reqwest::Client,
}

impl Worker {
    async fn handle(&self, job: Job) -> anyhow::Result<()> {
        let object = self.s3.get_object().bucket(&job.bucket).key(&job.key).send().await?;
        let bytes = object.body.collect().await?.into_bytes();
        let original = image::load_from_memory(&bytes)?;

        let mut tx = self.pool.begin().await?;
        for &width in SIZES {
            let thumb = original.thumbnail(width, width);
            let mut out = Cursor::new(Vec::new());
            thumb.write_to(&mut out, image::ImageFormat::WebP)?;
            let key = format!("thumbs/{}/{width}.webp", job.asset_id);
            self.s3
                .put_object()
                .bucket(&job.bucket)
                .key(&key)
                .body(out.into_inner().into())
                .content_type("image/webp")
                .send()
                .await?;
            sqlx::query("INSERT INTO asset_variants (asset_id, width, s3_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                .bind(job.asset_id)
                .bind(width as i32)
                .bind(&key)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;

        self.http
            .post("https://cdn-hooks.internal/purge")
            .json(&serde_json::json!({ "prefix": format!("thumbs/{}/", job.asset_id) }))
            .send()
            .await?;
        Ok(())
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let worker = Worker { pool: clients::postgres().await?, s3: clients::s3().await, http: clients::http() };
    let mut rsmq = clients::queue().await?;

    loop {
        let Some(msg) = rsmq.receive_message::<String>(QUEUE, Some(Duration::from_secs(120))).await? else {
            tokio::time::sleep(Duration::from_secs(1)).await;
            continue;
        };
        match serde_json::from_str::<Job>(&msg.message) {
            Ok(job) => match worker.handle(job).await {
                Ok(()) => {
                    rsmq.delete_message(QUEUE, &msg.id).await?;
                }
                Err(e) => eprintln!("job {} failed, will be redelivered: {e}", msg.id),
            },
            Err(e) => {
                eprintln!("dropping malformed job {}: {e}", msg.id);
                rsmq.delete_message(QUEUE, &msg.id).await?;
            }
        }
    }
}
