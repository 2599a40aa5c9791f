//! Volume catalog lookups. Both functions run exactly once per nbdkit process:
//! `volume_size` from config_complete and `mark_attached` from get_ready.
//! Each opens one connection and closes it before returning.

use postgres::{Client, NoTls};

#[derive(Debug)]
pub enum CatalogError {
    Db(postgres::Error),
    Missing(String),
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CatalogError::Db(e) => write!(f, "catalog: {e}"),
            CatalogError::Missing(v) => write!(f, "catalog: volume {v} not found"),
        }
    }
}

impl From<postgres::Error> for CatalogError {
    fn from(e: postgres::Error) -> Self {
        CatalogError::Db(e)
    }
}

pub fn volume_size(url: &str, volume: &str) -> Result<i64, CatalogError> {
    let mut client = Client::connect(url, NoTls)?;
    let row = client.query_opt(
        "SELECT size_bytes FROM volumes WHERE name = $1 AND deleted_at IS NULL",
        &[&volume],
    )?;
    let size = match row {
        Some(row) => row.get::<_, i64>(0),
        None => {
            client.close()?;
            return Err(CatalogError::Missing(volume.to_string()));
        }
    };
    client.close()?;
    Ok(size)
}

pub fn mark_attached(url: &str, volume: &str) -> Result<(), CatalogError> {
    let host = std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_else(|_| "unknown".into());
    let mut client = Client::connect(url, NoTls)?;
    client.execute(
        "UPDATE volumes SET attached_host = $2, attached_at = now() WHERE name = $1",
        &[&volume, &host],
    )?;
    client.close()?;
    Ok(())
}
