//! gelf-ingest: replaces a Graylog GELF UDP input for the edge sites.
//! Applications send GELF datagrams to :12201; every complete message is
//! routed to an OpenSearch index and checked against alert rules.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use tokio::net::UdpSocket;

mod alerts;
mod db;
mod gelf;
mod index;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let routes_pool = db::connect().await?;
    let routes = db::RouteTable::load(&routes_pool).await?;
    let alert_sink = alerts::AlertSink::new().await?;

    let socket = UdpSocket::bind("0.0.0.0:12201").await?;
    tracing::info!("GELF UDP input listening on 12201");

    let mut pending: HashMap<[u8; 8], gelf::ChunkSet> = HashMap::new();
    let mut last_sweep = Instant::now();
    let mut buf = vec![0u8; 65_536];

    loop {
        let (len, peer) = socket.recv_from(&mut buf).await?;
        let datagram = &buf[..len];

        let payload = if gelf::is_chunked(datagram) {
            match gelf::add_chunk(&mut pending, datagram) {
                Some(full) => full,
                None => continue,
            }
        } else {
            datagram.to_vec()
        };

        let message = match gelf::decode(&payload) {
            Ok(m) => m,
            Err(e) => {
                tracing::debug!(%peer, error = %e, "undecodable GELF datagram");
                continue;
            }
        };

        let target = routes.index_for(&message);
        if let Err(e) = index::ship(&target, &message).await {
            tracing::warn!(error = %e, index = %target, "indexing failed");
        }
        if let Err(e) = alert_sink.evaluate(&message).await {
            tracing::warn!(error = %e, "alert evaluation failed");
        }

        if last_sweep.elapsed() > Duration::from_secs(5) {
            gelf::expire_chunks(&mut pending);
            last_sweep = Instant::now();
        }
    }
}
