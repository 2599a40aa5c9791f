//! Remote build cache index: (target, input digest) -> S3 object key.

use anyhow::Result;
use sqlx::postgres::{PgPool, PgPoolOptions};

pub struct RemoteCache {
    pool: PgPool,
    bucket: String,
}

impl RemoteCache {
    pub async fn connect(database_url: &str, bucket: String) -> Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(3)
            .connect(database_url)
            .await?;
        Ok(Self { pool, bucket })
    }

    pub fn bucket(&self) -> &str {
        &self.bucket
    }

    pub async fn lookup(&self, label: &str, digest: &str) -> Result<Option<String>> {
        Ok(sqlx::query_scalar(
            "SELECT object_key FROM cache_entries WHERE label = $1 AND input_digest = $2",
        )
        .bind(label)
        .bind(digest)
        .fetch_optional(&self.pool)
        .await?)
    }

    pub async fn store(&self, label: &str, digest: &str) -> Result<()> {
        // CI uploads the artefact; the IDE only records that this digest was built locally
        sqlx::query(
            "INSERT INTO local_builds (label, input_digest, built_at) VALUES ($1, $2, now()) \
             ON CONFLICT DO NOTHING",
        )
        .bind(label)
        .bind(digest)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
