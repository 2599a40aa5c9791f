use std::path::Path;

use anyhow::Result;
use aws_sdk_s3::primitives::ByteStream;
use sqlx::PgPool;

use crate::rpc::Aria2;

pub struct Archiver {
    pub pool: PgPool,
    pub s3: aws_sdk_s3::Client,
    pub bucket: String,
    pub aria2: Aria2,
}

impl Archiver {
    pub async fn archive(&self, gid: &str) -> Result<()> {
        let status = self.aria2.tell_status(gid).await?;
        if status.status != "complete" {
            return Ok(());
        }
        let mut tx = self.pool.begin().await?;
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO downloads (gid, dir, total_length, completed_at) VALUES ($1, $2, $3, now()) \
             ON CONFLICT (gid) DO NOTHING RETURNING id",
        )
        .bind(&status.gid)
        .bind(&status.dir)
        .bind(status.total_length.parse::<i64>().unwrap_or(0))
        .fetch_optional(&mut *tx)
        .await?;
        let Some(download_id) = id else {
            return Ok(()); // already archived (aria2 restarted and replayed)
        };

        for f in status.files.iter().filter(|f| f.selected == "true") {
            let rel = Path::new(&f.path).strip_prefix(&status.dir).unwrap_or(Path::new(&f.path));
            let key = format!("aria2/{}/{}", status.gid, rel.display());
            let body = ByteStream::from_path(&f.path).await?;
            self.s3.put_object().bucket(&self.bucket).key(&key).body(body).send().await?;
            sqlx::query("INSERT INTO archived_files (download_id, s3_key, bytes) VALUES ($1, $2, $3)")
                .bind(download_id)
                .bind(&key)
                .bind(f.length.parse::<i64>().unwrap_or(0))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        tracing::info!(gid, "archived to s3://{}/aria2/{gid}/", self.bucket);
        Ok(())
    }
}
