mod db;
mod holds;
mod service;

use std::net::SocketAddr;

use volo_grpc::server::{Server, ServiceBuilder};

#[volo::main]
async fn main() -> anyhow::Result<()> {
    let pool = db::ledger_pool().await?;
    let svc = service::LedgerService::new(pool);

    let addr: SocketAddr = std::env::var("LISTEN_ADDR")
        .unwrap_or_else(|_| "[::]:8080".into())
        .parse()?;
    let addr = volo::net::Address::from(addr);

    Server::new()
        .add_service(ServiceBuilder::new(volo_gen::ledger::LedgerServer::new(svc)).build())
        .run(addr)
        .await
        .map_err(|e| anyhow::anyhow!("server error: {e}"))?;
    Ok(())
}
