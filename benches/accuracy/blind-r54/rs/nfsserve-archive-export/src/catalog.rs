//! Postgres catalogue of archive nodes (folders and documents).

use chrono::{DateTime, Utc};
use deadpool_postgres::{Config, ManagerConfig, Pool, RecyclingMethod, Runtime};
use nfsserve::nfs::{fattr3, fileid3, ftype3, nfstime3, specdata3};
use tokio_postgres::{NoTls, Row};

pub const ROOT_ID: fileid3 = 1;

pub fn make_pool(dsn: &str) -> anyhow::Result<Pool> {
    let mut cfg = Config::new();
    cfg.url = Some(dsn.to_string());
    cfg.manager = Some(ManagerConfig {
        recycling_method: RecyclingMethod::Fast,
    });
    cfg.pool = Some(deadpool_postgres::PoolConfig::new(16));
    Ok(cfg.create_pool(Some(Runtime::Tokio1), NoTls)?)
}

pub struct Node {
    pub id: fileid3,
    pub name: String,
    pub is_dir: bool,
    pub size: u64,
    pub s3_key: Option<String>,
    pub modified_at: DateTime<Utc>,
}

pub const NODE_COLUMNS: &str = "id, name, is_dir, size_bytes, s3_key, modified_at";

impl From<&Row> for Node {
    fn from(row: &Row) -> Self {
        Node {
            id: row.get::<_, i64>("id") as fileid3,
            name: row.get("name"),
            is_dir: row.get("is_dir"),
            size: row.get::<_, i64>("size_bytes") as u64,
            s3_key: row.get("s3_key"),
            modified_at: row.get("modified_at"),
        }
    }
}

impl Node {
    pub fn attr(&self) -> fattr3 {
        let ts = nfstime3 {
            seconds: self.modified_at.timestamp() as u32,
            nseconds: self.modified_at.timestamp_subsec_nanos(),
        };
        fattr3 {
            ftype: if self.is_dir { ftype3::NF3DIR } else { ftype3::NF3REG },
            mode: if self.is_dir { 0o555 } else { 0o444 },
            nlink: 1,
            uid: 65534,
            gid: 65534,
            size: self.size,
            used: self.size,
            rdev: specdata3::default(),
            fsid: 0,
            fileid: self.id,
            atime: ts,
            mtime: ts,
            ctime: ts,
        }
    }
}
