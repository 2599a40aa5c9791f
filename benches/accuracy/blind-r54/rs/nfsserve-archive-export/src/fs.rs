//! Read-only NFSv3 view of the archive. Every NFS call from every mounted
//! client ends up in one of these methods.

use async_trait::async_trait;
use deadpool_postgres::Pool;
use nfsserve::nfs::{fattr3, fileid3, filename3, nfspath3, nfsstat3, nfsstring, sattr3};
use nfsserve::vfs::{DirEntry, NFSFileSystem, ReadDirResult, VFSCapabilities};
use tokio_postgres::NoTls;

use crate::catalog::{Node, NODE_COLUMNS, ROOT_ID};

pub struct ArchiveFs {
    pool: Pool,
    bucket: String,
    primary_dsn: String,
}

impl ArchiveFs {
    pub fn new(pool: Pool, bucket: String, primary_dsn: String) -> Self {
        Self { pool, bucket, primary_dsn }
    }

    async fn node(&self, id: fileid3) -> Result<Node, nfsstat3> {
        let client = self.pool.get().await.map_err(|_| nfsstat3::NFS3ERR_IO)?;
        let sql = format!("SELECT {NODE_COLUMNS} FROM archive_nodes WHERE id = $1");
        let row = client
            .query_opt(&sql, &[&(id as i64)])
            .await
            .map_err(|_| nfsstat3::NFS3ERR_IO)?
            .ok_or(nfsstat3::NFS3ERR_NOENT)?;
        Ok(Node::from(&row))
    }
}

#[async_trait]
impl NFSFileSystem for ArchiveFs {
    fn capabilities(&self) -> VFSCapabilities {
        VFSCapabilities::ReadOnly
    }

    fn root_dir(&self) -> fileid3 {
        ROOT_ID
    }

    async fn lookup(&self, dirid: fileid3, filename: &filename3) -> Result<fileid3, nfsstat3> {
        let name = std::str::from_utf8(&filename.0).map_err(|_| nfsstat3::NFS3ERR_NOENT)?;
        let client = self.pool.get().await.map_err(|_| nfsstat3::NFS3ERR_IO)?;
        let row = client
            .query_opt(
                "SELECT id FROM archive_nodes WHERE parent_id = $1 AND name = $2",
                &[&(dirid as i64), &name],
            )
            .await
            .map_err(|_| nfsstat3::NFS3ERR_IO)?
            .ok_or(nfsstat3::NFS3ERR_NOENT)?;
        Ok(row.get::<_, i64>(0) as fileid3)
    }

    async fn getattr(&self, id: fileid3) -> Result<fattr3, nfsstat3> {
        // Sizes change while uploads are being finalised; read them from the
        // primary rather than through the (replica) pool.
        let (client, connection) = tokio_postgres::connect(&self.primary_dsn, NoTls)
            .await
            .map_err(|_| nfsstat3::NFS3ERR_IO)?;
        tokio::spawn(async move {
            if let Err(err) = connection.await {
                tracing::warn!(%err, "primary connection error");
            }
        });
        let sql = format!("SELECT {NODE_COLUMNS} FROM archive_nodes WHERE id = $1");
        let row = client
            .query_opt(&sql, &[&(id as i64)])
            .await
            .map_err(|_| nfsstat3::NFS3ERR_IO)?
            .ok_or(nfsstat3::NFS3ERR_NOENT)?;
        Ok(Node::from(&row).attr())
    }

    async fn read(&self, id: fileid3, offset: u64, count: u32) -> Result<(Vec<u8>, bool), nfsstat3> {
        let node = self.node(id).await?;
        let key = node.s3_key.as_deref().ok_or(nfsstat3::NFS3ERR_ISDIR)?;
        if offset >= node.size {
            return Ok((Vec::new(), true));
        }
        let end = (offset + count as u64).min(node.size) - 1;

        // region and credentials come from AWS_REGION / the instance role
        let s3 = aws_sdk_s3::Client::new(&aws_config::load_from_env().await);
        let object = s3
            .get_object()
            .bucket(&self.bucket)
            .key(key)
            .range(format!("bytes={offset}-{end}"))
            .send()
            .await
            .map_err(|err| {
                tracing::warn!(%err, key, "s3 range read failed");
                nfsstat3::NFS3ERR_IO
            })?;
        let bytes = object.body.collect().await.map_err(|_| nfsstat3::NFS3ERR_IO)?;
        Ok((bytes.to_vec(), end + 1 >= node.size))
    }

    async fn readdir(&self, dirid: fileid3, start_after: fileid3, max_entries: usize) -> Result<ReadDirResult, nfsstat3> {
        let client = self.pool.get().await.map_err(|_| nfsstat3::NFS3ERR_IO)?;
        let sql = format!(
            "SELECT {NODE_COLUMNS} FROM archive_nodes WHERE parent_id = $1 AND id > $2 ORDER BY id LIMIT $3"
        );
        let rows = client
            .query(&sql, &[&(dirid as i64), &(start_after as i64), &(max_entries as i64 + 1)])
            .await
            .map_err(|_| nfsstat3::NFS3ERR_IO)?;
        let end = rows.len() <= max_entries;
        let entries = rows
            .iter()
            .take(max_entries)
            .map(Node::from)
            .map(|node| DirEntry {
                fileid: node.id,
                name: nfsstring(node.name.clone().into_bytes()),
                attr: node.attr(),
            })
            .collect();
        Ok(ReadDirResult { entries, end })
    }

    async fn setattr(&self, _id: fileid3, _setattr: sattr3) -> Result<fattr3, nfsstat3> {
        Err(nfsstat3::NFS3ERR_ROFS)
    }
    async fn write(&self, _id: fileid3, _offset: u64, _data: &[u8]) -> Result<fattr3, nfsstat3> {
        Err(nfsstat3::NFS3ERR_ROFS)
    }
    async fn create(&self, _dirid: fileid3, _filename: &filename3, _attr: sattr3) -> Result<(fileid3, fattr3), nfsstat3> {
        Err(nfsstat3::NFS3ERR_ROFS)
    }
    async fn create_exclusive(&self, _dirid: fileid3, _filename: &filename3) -> Result<fileid3, nfsstat3> {
        Err(nfsstat3::NFS3ERR_ROFS)
    }
    async fn mkdir(&self, _dirid: fileid3, _dirname: &filename3) -> Result<(fileid3, fattr3), nfsstat3> {
        Err(nfsstat3::NFS3ERR_ROFS)
    }
    async fn remove(&self, _dirid: fileid3, _filename: &filename3) -> Result<(), nfsstat3> {
        Err(nfsstat3::NFS3ERR_ROFS)
    }
    async fn rename(&self, _from_dirid: fileid3, _from_filename: &filename3, _to_dirid: fileid3, _to_filename: &filename3) -> Result<(), nfsstat3> {
        Err(nfsstat3::NFS3ERR_ROFS)
    }
    async fn symlink(&self, _dirid: fileid3, _linkname: &filename3, _symlink: &nfspath3, _attr: &sattr3) -> Result<(fileid3, fattr3), nfsstat3> {
        Err(nfsstat3::NFS3ERR_ROFS)
    }
    async fn readlink(&self, _id: fileid3) -> Result<nfspath3, nfsstat3> {
        Err(nfsstat3::NFS3ERR_NOTSUPP)
    }
}
