use std::collections::HashMap;
use std::ffi::OsStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aws_sdk_s3::primitives::ByteStream;
use fuser::{
    FileAttr, FileType, Filesystem, ReplyAttr, ReplyData, ReplyDirectory, ReplyEmpty, ReplyEntry,
    ReplyWrite, Request,
};
use libc::{EIO, ENOENT};
use redis::Commands;
use tokio::runtime::Runtime;

use crate::remote::{self, RemoteObject};

const TTL: Duration = Duration::from_secs(5);
const ROOT: u64 = 1;

struct Node {
    key: String,
    name: String,
    size: u64,
    dirty: Option<Vec<u8>>,
}

pub struct MirrorFs {
    rt: Runtime,
    bucket: String,
    redis_url: String,
    nodes: HashMap<u64, Node>,
}

impl MirrorFs {
    pub fn new(rt: Runtime, bucket: String, prefix: String, redis_url: String, objs: Vec<RemoteObject>) -> Self {
        let mut nodes = HashMap::new();
        for (i, obj) in objs.into_iter().enumerate() {
            let name = obj.key.trim_start_matches(prefix.as_str()).trim_start_matches('/').to_string();
            nodes.insert(i as u64 + 2, Node { key: obj.key, name, size: obj.size, dirty: None });
        }
        MirrorFs { rt, bucket, redis_url, nodes }
    }

    fn attr(&self, ino: u64, size: u64, kind: FileType) -> FileAttr {
        let now = SystemTime::now();
        FileAttr {
            ino, size, blocks: (size + 511) / 512, atime: now, mtime: now, ctime: now,
            crtime: UNIX_EPOCH, kind, perm: if kind == FileType::Directory { 0o755 } else { 0o644 },
            nlink: 1, uid: 0, gid: 0, rdev: 0, blksize: 4096, flags: 0,
        }
    }
}

impl Filesystem for MirrorFs {
    fn lookup(&mut self, _req: &Request<'_>, parent: u64, name: &OsStr, reply: ReplyEntry) {
        if parent != ROOT {
            return reply.error(ENOENT);
        }
        match self.nodes.iter().find(|(_, n)| n.name.as_str() == name.to_string_lossy()) {
            Some((ino, n)) => reply.entry(&TTL, &self.attr(*ino, n.size, FileType::RegularFile), 0),
            None => reply.error(ENOENT),
        }
    }

    fn getattr(&mut self, _req: &Request<'_>, ino: u64, reply: ReplyAttr) {
        if ino == ROOT {
            return reply.attr(&TTL, &self.attr(ROOT, 0, FileType::Directory));
        }
        let Some(node) = self.nodes.get(&ino) else { return reply.error(ENOENT) };
        // Other mounts publish fresher sizes into a shared hash after uploads.
        let size = redis::Client::open(self.redis_url.as_str())
            .and_then(|c| c.get_connection())
            .and_then(|mut conn| conn.hget::<_, _, Option<u64>>("s3mirror:sizes", &node.key))
            .ok()
            .flatten()
            .unwrap_or(node.size);
        reply.attr(&TTL, &self.attr(ino, size, FileType::RegularFile));
    }

    fn readdir(&mut self, _req: &Request<'_>, ino: u64, _fh: u64, offset: i64, mut reply: ReplyDirectory) {
        if ino != ROOT {
            return reply.error(ENOENT);
        }
        let mut entries = vec![(ROOT, FileType::Directory, ".".to_string()), (ROOT, FileType::Directory, "..".to_string())];
        entries.extend(self.nodes.iter().map(|(i, n)| (*i, FileType::RegularFile, n.name.clone())));
        for (i, (ino, kind, name)) in entries.into_iter().enumerate().skip(offset as usize) {
            if reply.add(ino, (i + 1) as i64, kind, name) {
                break;
            }
        }
        reply.ok();
    }

    fn read(&mut self, _req: &Request<'_>, ino: u64, _fh: u64, offset: i64, size: u32, _flags: i32, _lock: Option<u64>, reply: ReplyData) {
        let Some(node) = self.nodes.get(&ino) else { return reply.error(ENOENT) };
        let s3 = remote::s3_client(&self.rt);
        let range = format!("bytes={}-{}", offset, offset + size as i64 - 1);
        let body: Result<Vec<u8>, String> = self.rt.block_on(async {
            let obj = s3.get_object().bucket(&self.bucket).key(&node.key).range(range).send().await
                .map_err(|e| e.to_string())?;
            let bytes = obj.body.collect().await.map_err(|e| e.to_string())?;
            Ok(bytes.into_bytes().to_vec())
        });
        match body {
            Ok(bytes) => reply.data(&bytes),
            Err(e) => {
                log::warn!("read {}: {e}", node.key);
                reply.error(EIO)
            }
        }
    }

    fn write(&mut self, _req: &Request<'_>, ino: u64, _fh: u64, offset: i64, data: &[u8], _wf: u32, _flags: i32, _lock: Option<u64>, reply: ReplyWrite) {
        let Some(node) = self.nodes.get_mut(&ino) else { return reply.error(ENOENT) };
        let buf = node.dirty.get_or_insert_with(Vec::new);
        let end = offset as usize + data.len();
        if buf.len() < end {
            buf.resize(end, 0);
        }
        buf[offset as usize..end].copy_from_slice(data);
        node.size = node.size.max(end as u64);
        reply.written(data.len() as u32);
    }

    fn release(&mut self, _req: &Request<'_>, ino: u64, _fh: u64, _flags: i32, _lock: Option<u64>, _flush: bool, reply: ReplyEmpty) {
        let Some(node) = self.nodes.get_mut(&ino) else { return reply.ok() };
        let Some(buf) = node.dirty.take() else { return reply.ok() };
        let s3 = remote::s3_client(&self.rt);
        let res = self.rt.block_on(
            s3.put_object().bucket(&self.bucket).key(&node.key).body(ByteStream::from(buf)).send(),
        );
        match res {
            Ok(_) => reply.ok(),
            Err(e) => {
                log::error!("upload {}: {e}", node.key);
                reply.error(EIO)
            }
        }
    }
}
