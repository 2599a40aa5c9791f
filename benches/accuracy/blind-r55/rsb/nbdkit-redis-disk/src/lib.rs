//! Build with `cargo build --release` and run:
//!   nbdkit ./target/release/libnbdkit_redis_disk.so volume=vm-42 redis=redis://cache:6379/3 \
//!          catalog=postgres://nbd@catalog/volumes
//! nbdkit calls `open` once per NBD client connection and `read_at` / `write_at`
//! once per NBD request on that connection (many thousands per second during a boot).

use std::sync::OnceLock;

use nbdkit::*;
use redis::Commands;

mod catalog;

const EXTENT: u64 = 64 * 1024;

static SETTINGS: OnceLock<Settings> = OnceLock::new();

#[derive(Default, Debug)]
struct Settings {
    volume: String,
    redis_url: String,
    catalog_url: String,
    size: i64,
}

static mut PENDING: Option<Settings> = None;

#[derive(Default)]
struct RedisDisk {
    readonly: bool,
}

fn settings() -> &'static Settings {
    SETTINGS.get().expect("config_complete ran")
}

fn extent_key(volume: &str, idx: u64) -> String {
    format!("nbd:{volume}:extent:{idx}")
}

fn io_err<E: std::fmt::Display>(e: E) -> Error {
    Error::new(libc::EIO, e.to_string())
}

impl Server for RedisDisk {
    fn name() -> &'static str {
        "redisdisk"
    }

    fn thread_model() -> Result<ThreadModel> where Self: Sized {
        Ok(ThreadModel::Parallel)
    }

    fn config(key: &str, value: &str) -> Result<()> where Self: Sized {
        let pending = unsafe { PENDING.get_or_insert_with(Settings::default) };
        match key {
            "volume" => pending.volume = value.to_string(),
            "redis" => pending.redis_url = value.to_string(),
            "catalog" => pending.catalog_url = value.to_string(),
            _ => return Err(Error::new(libc::EINVAL, format!("unknown key {key}"))),
        }
        Ok(())
    }

    fn config_complete() -> Result<()> where Self: Sized {
        let mut s = unsafe { PENDING.take() }.unwrap_or_default();
        // One catalog lookup when nbdkit starts; the connection is closed inside.
        s.size = catalog::volume_size(&s.catalog_url, &s.volume).map_err(io_err)?;
        SETTINGS.set(s).map_err(|_| Error::new(libc::EINVAL, "configured twice"))?;
        Ok(())
    }

    fn get_ready() -> Result<()> where Self: Sized {
        let s = settings();
        catalog::mark_attached(&s.catalog_url, &s.volume).map_err(io_err)
    }

    fn open(readonly: bool) -> Result<Box<dyn Server>> where Self: Sized {
        log::info!("client connected (readonly={readonly})");
        Ok(Box::new(RedisDisk { readonly }))
    }

    fn get_size(&self) -> Result<i64> {
        Ok(settings().size)
    }

    fn can_write(&self) -> Result<bool> {
        Ok(!self.readonly)
    }

    fn read_at(&self, buf: &mut [u8], offset: u64) -> Result<()> {
        let s = settings();
        let client = redis::Client::open(s.redis_url.as_str()).map_err(io_err)?;
        let mut con = client.get_connection().map_err(io_err)?;

        let mut done = 0usize;
        while done < buf.len() {
            let pos = offset + done as u64;
            let idx = pos / EXTENT;
            let within = (pos % EXTENT) as usize;
            let take = (EXTENT as usize - within).min(buf.len() - done);
            let extent: Option<Vec<u8>> = con.get(extent_key(&s.volume, idx)).map_err(io_err)?;
            match extent {
                Some(bytes) => buf[done..done + take].copy_from_slice(&bytes[within..within + take]),
                None => buf[done..done + take].fill(0),
            }
            done += take;
        }
        Ok(())
    }

    fn write_at(&self, buf: &[u8], offset: u64, _flags: Flags) -> Result<()> {
        let s = settings();
        let mut con = redis::Client::open(s.redis_url.as_str())
            .and_then(|c| c.get_connection())
            .map_err(io_err)?;

        let mut done = 0usize;
        while done < buf.len() {
            let pos = offset + done as u64;
            let idx = pos / EXTENT;
            let within = (pos % EXTENT) as usize;
            let take = (EXTENT as usize - within).min(buf.len() - done);
            let key = extent_key(&s.volume, idx);
            let mut extent: Vec<u8> = con
                .get::<_, Option<Vec<u8>>>(&key)
                .map_err(io_err)?
                .unwrap_or_else(|| vec![0u8; EXTENT as usize]);
            extent[within..within + take].copy_from_slice(&buf[done..done + take]);
            con.set::<_, _, ()>(&key, extent).map_err(io_err)?;
            done += take;
        }
        Ok(())
    }
}

plugin!(RedisDisk {thread_model, config, config_complete, get_ready, can_write, write_at});
