//! Build graph (targets, deps, source globs) maintained by the monorepo indexer.

use anyhow::Result;
use sha2::{Digest, Sha256};
use sqlx::postgres::{PgPool, PgPoolOptions};

pub struct Target {
    pub label: String,
    pub package: String,
    pub kind: String,
    pub language: String,
    pub deps: Vec<String>,
}

pub struct BuildGraph {
    pool: PgPool,
}

impl BuildGraph {
    pub async fn connect(database_url: &str) -> Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(3)
            .connect(database_url)
            .await?;
        Ok(Self { pool })
    }

    pub async fn targets(&self) -> Result<Vec<Target>> {
        let rows: Vec<(String, String, String, String, Vec<String>)> = sqlx::query_as(
            "SELECT label, package, kind, language, deps FROM targets WHERE NOT deprecated ORDER BY label",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(label, package, kind, language, deps)| Target { label, package, kind, language, deps })
            .collect())
    }

    pub async fn sources(&self, label: &str) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar("SELECT path FROM target_sources WHERE label = $1 ORDER BY path")
            .bind(label)
            .fetch_all(&self.pool)
            .await?)
    }

    /// Digest over the target's source files as they are on disk right now.
    pub async fn input_digest(&self, label: &str, workspace: &str) -> Result<String> {
        let mut hasher = Sha256::new();
        for path in self.sources(label).await? {
            hasher.update(path.as_bytes());
            hasher.update(tokio::fs::read(format!("{workspace}/{path}")).await.unwrap_or_default());
        }
        Ok(hex::encode(hasher.finalize()))
    }
}
