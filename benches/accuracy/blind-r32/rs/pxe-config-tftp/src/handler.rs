use std::net::SocketAddr;
use std::path::Path;

use async_tftp::packet;
use async_tftp::server::Handler;
use futures_lite::io::{Cursor, Sink};
use sqlx::PgPool;

use crate::inventory;

/// Renders boot configs on demand. One instance lives for the life of the
/// server; every TFTP read request goes through `read_req_open`.
pub struct ConfigHandler {
    pool: PgPool,
}

impl ConfigHandler {
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }
}

#[async_tftp::async_trait]
impl Handler for ConfigHandler {
    type Reader = Cursor<Vec<u8>>;
    type Writer = Sink;

    async fn read_req_open(
        &mut self,
        client: &SocketAddr,
        path: &Path,
    ) -> Result<(Self::Reader, Option<u64>), packet::Error> {
        let name = path.file_name().and_then(|n| n.to_str()).ok_or(packet::Error::FileNotFound)?;
        log::info!("{client} requested {name}");

        let rendered = match name.strip_suffix(".ipxe") {
            Some(mac) => inventory::render_ipxe(&self.pool, mac).await,
            None => inventory::render_switch_config(&self.pool, name).await,
        }
        .map_err(|err| {
            log::error!("render of {name} failed: {err}");
            packet::Error::Msg("render failed".into())
        })?
        .ok_or(packet::Error::FileNotFound)?;

        let len = rendered.len() as u64;
        Ok((Cursor::new(rendered.into_bytes()), Some(len)))
    }

    async fn write_req_open(
        &mut self,
        _client: &SocketAddr,
        _path: &Path,
        _size: Option<u64>,
    ) -> Result<Self::Writer, packet::Error> {
        Err(packet::Error::PermissionDenied)
    }
}
