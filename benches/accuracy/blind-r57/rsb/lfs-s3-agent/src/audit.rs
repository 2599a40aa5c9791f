//! Records every uploaded object in the artifacts database so the storage
//! team can bill LFS usage back to repositories.
use std::env;

use anyhow::Result;
use postgres::{Client, NoTls};

fn audit_url() -> String {
    env::var("LFS_AUDIT_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://lfs_audit@artifacts-db.internal/lfs".to_string())
}

fn repository_name() -> String {
    std::env::current_dir()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "unknown".to_string())
}

/// Inserts one row per uploaded object.
pub fn record_upload(remote: &str, oid: &str, size: u64) -> Result<()> {
    let mut db = Client::connect(&audit_url(), NoTls)?;
    db.execute(
        "INSERT INTO lfs_uploads (repository, remote, oid, size_bytes, uploaded_at)
         VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (repository, oid) DO NOTHING",
        &[&repository_name(), &remote, &oid, &(size as i64)],
    )?;
    Ok(())
}

/// Used by `lfs-s3-agent --selftest` in CI images.
pub fn ping() -> Result<()> {
    let mut db = Client::connect(&audit_url(), NoTls)?;
    db.simple_query("SELECT 1")?;
    db.close()?;
    Ok(())
}
