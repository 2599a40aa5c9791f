use std::path::PathBuf;

use aws_sdk_s3::primitives::ByteStream;
use tokio::io::AsyncWriteExt;

pub struct ObjectStore {
    client: aws_sdk_s3::Client,
    bucket: String,
    prefix: String,
    tmp_dir: PathBuf,
}

impl ObjectStore {
    pub async fn connect() -> anyhow::Result<ObjectStore> {
        let config = aws_config::load_from_env().await;
        Ok(ObjectStore {
            client: aws_sdk_s3::Client::new(&config),
            bucket: std::env::var("LFS_S3_BUCKET")?,
            prefix: std::env::var("LFS_S3_PREFIX").unwrap_or_else(|_| "lfs/objects".into()),
            tmp_dir: std::env::temp_dir().join("git-lfs-s3-agent"),
        })
    }

    fn key(&self, oid: &str) -> String {
        format!("{}/{}/{}/{}", self.prefix, &oid[0..2], &oid[2..4], oid)
    }

    pub async fn upload(&self, oid: &str, path: &str) -> anyhow::Result<()> {
        let body = ByteStream::from_path(path).await?;
        self.client
            .put_object()
            .bucket(&self.bucket)
            .key(self.key(oid))
            .body(body)
            .send()
            .await?;
        Ok(())
    }

    /// Streams the object to a temp file and returns its path; git-lfs moves
    /// it into .git/lfs/objects itself.
    pub async fn download(&self, oid: &str, mut progress: impl FnMut(i64)) -> anyhow::Result<String> {
        tokio::fs::create_dir_all(&self.tmp_dir).await?;
        let dest = self.tmp_dir.join(oid);
        let mut file = tokio::fs::File::create(&dest).await?;
        let mut object = self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(self.key(oid))
            .send()
            .await?;
        let mut so_far = 0i64;
        while let Some(chunk) = object.body.try_next().await? {
            file.write_all(&chunk).await?;
            so_far += chunk.len() as i64;
            progress(so_far);
        }
        file.flush().await?;
        Ok(dest.to_string_lossy().into_owned())
    }
}
