use std::path::PathBuf;

use bytes::Bytes;
use dashmap::DashMap;
use futures::{stream, TryStreamExt};
use s3s::dto::*;
use s3s::{s3_error, S3Request, S3Response, S3Result, S3};
use sqlx::{PgPool, Postgres, Transaction};

use crate::{hooks, meta};

pub struct Gateway {
    pool: PgPool,
    database_url: String,
    shelf_root: PathBuf,
    uploads: DashMap<String, Transaction<'static, Postgres>>,
}

impl Gateway {
    pub fn new(pool: PgPool, database_url: String, shelf_root: PathBuf) -> Self {
        Self { pool, database_url, shelf_root, uploads: DashMap::new() }
    }

    fn path_for(&self, bucket: &str, key: &str) -> PathBuf {
        self.shelf_root.join(bucket).join(key.replace('/', "%2F"))
    }
}

#[async_trait::async_trait]
impl S3 for Gateway {
    async fn get_object(&self, req: S3Request<GetObjectInput>) -> S3Result<S3Response<GetObjectOutput>> {
        let input = req.input;
        let size = meta::object_size(&self.pool, &input.bucket, &input.key)
            .await
            .map_err(|e| s3_error!(e, InternalError))?
            .ok_or_else(|| s3_error!(NoSuchKey))?;

        let data = tokio::fs::read(self.path_for(&input.bucket, &input.key))
            .await
            .map_err(|e| s3_error!(e, InternalError))?;
        let body = stream::once(async move { Ok::<_, std::io::Error>(Bytes::from(data)) });

        let output = GetObjectOutput {
            body: Some(StreamingBlob::wrap(body)),
            content_length: Some(size),
            ..Default::default()
        };
        Ok(S3Response::new(output))
    }

    async fn put_object(&self, req: S3Request<PutObjectInput>) -> S3Result<S3Response<PutObjectOutput>> {
        let input = req.input;
        let Some(body) = input.body else { return Err(s3_error!(IncompleteBody)) };
        let chunks: Vec<Bytes> = body.try_collect().await.map_err(|e| s3_error!(e, IncompleteBody))?;
        let data: Vec<u8> = chunks.concat();

        tokio::fs::write(self.path_for(&input.bucket, &input.key), &data)
            .await
            .map_err(|e| s3_error!(e, InternalError))?;

        let writer = meta::connect(&self.database_url)
            .await
            .map_err(|e| s3_error!(e, ServiceUnavailable))?;
        sqlx::query(
            "INSERT INTO objects (bucket, key, size) VALUES ($1, $2, $3)
             ON CONFLICT (bucket, key) DO UPDATE SET size = EXCLUDED.size, updated_at = now()",
        )
        .bind(&input.bucket)
        .bind(&input.key)
        .bind(data.len() as i64)
        .execute(&writer)
        .await
        .map_err(|e| s3_error!(e, InternalError))?;

        Ok(S3Response::new(PutObjectOutput::default()))
    }

    async fn create_multipart_upload(
        &self,
        req: S3Request<CreateMultipartUploadInput>,
    ) -> S3Result<S3Response<CreateMultipartUploadOutput>> {
        let input = req.input;
        let upload_id = uuid::Uuid::new_v4().to_string();

        let mut tx = self.pool.begin().await.map_err(|e| s3_error!(e, ServiceUnavailable))?;
        sqlx::query("INSERT INTO uploads (upload_id, bucket, key) VALUES ($1, $2, $3)")
            .bind(&upload_id)
            .bind(&input.bucket)
            .bind(&input.key)
            .execute(&mut *tx)
            .await
            .map_err(|e| s3_error!(e, InternalError))?;
        self.uploads.insert(upload_id.clone(), tx);

        let output = CreateMultipartUploadOutput {
            bucket: Some(input.bucket),
            key: Some(input.key),
            upload_id: Some(upload_id),
            ..Default::default()
        };
        Ok(S3Response::new(output))
    }

    async fn complete_multipart_upload(
        &self,
        req: S3Request<CompleteMultipartUploadInput>,
    ) -> S3Result<S3Response<CompleteMultipartUploadOutput>> {
        let input = req.input;
        let Some((_, mut tx)) = self.uploads.remove(&input.upload_id) else {
            return Err(s3_error!(NoSuchUpload));
        };

        let size: i64 = sqlx::query_scalar(
            "INSERT INTO objects (bucket, key, size)
             SELECT bucket, key, coalesce(sum(p.size), 0) FROM uploads u
             LEFT JOIN upload_parts p USING (upload_id) WHERE u.upload_id = $1
             GROUP BY bucket, key
             ON CONFLICT (bucket, key) DO UPDATE SET size = EXCLUDED.size
             RETURNING size",
        )
        .bind(&input.upload_id)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| s3_error!(e, InternalError))?;
        tx.commit().await.map_err(|e| s3_error!(e, InternalError))?;

        if let Err(err) = hooks::object_completed(&input.bucket, &input.key, size).await {
            tracing::warn!("indexer hook failed: {err}");
        }

        let output = CompleteMultipartUploadOutput {
            bucket: Some(input.bucket),
            key: Some(input.key),
            ..Default::default()
        };
        Ok(S3Response::new(output))
    }
}
