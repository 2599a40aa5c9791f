use std::env;
use std::error::Error;
use std::net::SocketAddr;

use capnp_rpc::rpc_twoparty_capnp::Side;
use capnp_rpc::{twoparty, RpcSystem};
use deadpool_postgres::Pool;
use futures::AsyncReadExt;
use tokio_util::compat::TokioAsyncReadCompatExt;

mod collector;
mod metrics_db;
mod store;

pub mod telemetry_capnp {
    include!(concat!(env!("OUT_DIR"), "/telemetry_capnp.rs"));
}

use telemetry_capnp::telemetry;

async fn serve(addr: SocketAddr, readings: Pool, rollups: Pool, es_url: String) -> Result<(), Box<dyn Error>> {
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    loop {
        let (stream, peer) = listener.accept().await?;
        stream.set_nodelay(true)?;
        let (reader, writer) = stream.compat().split();
        let network = twoparty::VatNetwork::new(
            futures::io::BufReader::new(reader),
            futures::io::BufWriter::new(writer),
            Side::Server,
            Default::default(),
        );
        let client: telemetry::Client = capnp_rpc::new_client(collector::Collector::new(
            readings.clone(),
            rollups.clone(),
            es_url.clone(),
        ));
        let rpc_system = RpcSystem::new(Box::new(network), Some(client.client));
        tokio::task::spawn_local(async move {
            if let Err(e) = rpc_system.await {
                eprintln!("gateway {peer} disconnected: {e}");
            }
        });
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    let addr: SocketAddr = env::var("LISTEN").unwrap_or_else(|_| "0.0.0.0:4500".into()).parse()?;
    let es_url = env::var("ES_URL").unwrap_or_else(|_| "http://localhost:9200".into());

    let readings = store::build_pool()?;
    let rollups = metrics_db::connect();

    tokio::task::LocalSet::new()
        .run_until(serve(addr, readings, rollups, es_url))
        .await
}
