//! KeepAlive launchd agent: every ten minutes, upload new photos from the
//! export folder to S3 and record them in Postgres.

use aws_sdk_s3::primitives::ByteStream;
use photo_backup::db;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::Duration;

async fn backup_file(pool: &sqlx::PgPool, s3: &aws_sdk_s3::Client, bucket: &str, path: &Path) -> anyhow::Result<bool> {
    let bytes = tokio::fs::read(path).await?;
    let sha = hex::encode(Sha256::digest(&bytes));
    if db::already_uploaded(pool, &sha).await? {
        return Ok(false);
    }
    let key = format!("photos/{}/{}", &sha[..2], sha);
    let len = bytes.len() as i64;
    s3.put_object()
        .bucket(bucket)
        .key(&key)
        .body(ByteStream::from(bytes))
        .send()
        .await?;
    db::record_upload(pool, &path.to_string_lossy(), &sha, &key, len).await?;
    Ok(true)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let root = PathBuf::from(std::env::var("BACKUP_ROOT")?);
    let bucket = std::env::var("BACKUP_BUCKET")?;

    let pool = db::make_pool(4).await?;
    let s3 = aws_sdk_s3::Client::new(&aws_config::load_from_env().await);

    let mut tick = tokio::time::interval(Duration::from_secs(600));
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = tokio::signal::ctrl_c() => break,
        }
        let files: Vec<PathBuf> = walkdir::WalkDir::new(&root)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .filter(|e| matches!(e.path().extension().and_then(|x| x.to_str()), Some("jpg" | "heic" | "png")))
            .map(|e| e.into_path())
            .collect();

        let mut uploaded = 0;
        for path in &files {
            match backup_file(&pool, &s3, &bucket, path).await {
                Ok(true) => uploaded += 1,
                Ok(false) => {}
                Err(e) => eprintln!("backup of {} failed: {e:#}", path.display()),
            }
        }
        if uploaded > 0 {
            eprintln!("uploaded {uploaded} new files");
        }
    }

    pool.close().await;
    Ok(())
}
