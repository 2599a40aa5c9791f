use futures::TryStreamExt;
use ipfs_api_backend_hyper::{IpfsApi, IpfsClient};
use serde::Deserialize;
use sqlx::PgPool;

#[derive(Debug, Deserialize)]
pub struct Announcement {
    pub cid: String,
    pub publisher: String,
}

#[derive(Debug, Deserialize)]
struct Manifest {
    dataset: String,
    version: String,
    license: String,
    files: Vec<ManifestFile>,
}

#[derive(Debug, Deserialize)]
struct ManifestFile {
    path: String,
    cid: String,
    size: i64,
}

/// Borrowed view over the process-wide IPFS client and pool; cheap to build per announcement.
pub struct Indexer<'a> {
    ipfs: &'a IpfsClient,
    pool: &'a PgPool,
}

impl<'a> Indexer<'a> {
    pub fn new(ipfs: &'a IpfsClient, pool: &'a PgPool) -> Self {
        Indexer { ipfs, pool }
    }

    pub async fn index(&self, ann: &Announcement) -> anyhow::Result<()> {
        let trusted: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM publishers WHERE peer_id = $1 AND revoked_at IS NULL)",
        )
        .bind(&ann.publisher)
        .fetch_one(self.pool)
        .await?;
        if !trusted {
            anyhow::bail!("publisher {} is not on the allow-list", ann.publisher);
        }

        let raw: Vec<u8> = self
            .ipfs
            .cat(&ann.cid)
            .map_ok(|chunk| chunk.to_vec())
            .try_concat()
            .await?;
        let manifest: Manifest = serde_json::from_slice(&raw)?;

        let mut tx = self.pool.begin().await?;
        let dataset_id: i64 = sqlx::query_scalar(
            "INSERT INTO datasets (name, version, license, manifest_cid, publisher) \
             VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (name, version) DO UPDATE SET manifest_cid = EXCLUDED.manifest_cid \
             RETURNING id",
        )
        .bind(&manifest.dataset)
        .bind(&manifest.version)
        .bind(&manifest.license)
        .bind(&ann.cid)
        .bind(&ann.publisher)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM dataset_files WHERE dataset_id = $1")
            .bind(dataset_id)
            .execute(&mut *tx)
            .await?;
        for file in &manifest.files {
            sqlx::query("INSERT INTO dataset_files (dataset_id, path, cid, size_bytes) VALUES ($1, $2, $3, $4)")
                .bind(dataset_id)
                .bind(&file.path)
                .bind(&file.cid)
                .bind(file.size)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;

        self.ipfs.pin_add(&ann.cid, true).await?;
        Ok(())
    }
}
