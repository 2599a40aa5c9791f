use std::sync::Arc;

use grpcio::{Environment, ServerBuilder, ServerCredentials};

mod db;
mod service;

mod protos;

fn main() {
    env_logger::init();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .expect("tokio runtime");

    let pool = rt.block_on(db::primary_pool()).expect("connect primary ledger db");
    let svc = service::LedgerService::new(rt.handle().clone(), pool);

    let env = Arc::new(Environment::new(2));
    let mut server = ServerBuilder::new(env)
        .register_service(protos::ledger_grpc::create_ledger(svc))
        .build()
        .expect("build grpc server");
    let port = server
        .add_listening_port("0.0.0.0:50051", ServerCredentials::insecure())
        .expect("bind 50051");
    server.start();
    log::info!("ledger listening on {port}");

    rt.block_on(async {
        let _ = tokio::signal::ctrl_c().await;
    });
    let _ = futures::executor::block_on(server.shutdown());
}
