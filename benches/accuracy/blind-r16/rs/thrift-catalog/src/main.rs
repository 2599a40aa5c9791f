use std::env;

use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};
use thrift::protocol::{TBinaryInputProtocolFactory, TBinaryOutputProtocolFactory};
use thrift::server::TServer;
use thrift::transport::{TBufferedReadTransportFactory, TBufferedWriteTransportFactory};

mod handler;
mod reviews;

#[allow(dead_code)]
mod catalog;

fn main() -> thrift::Result<()> {
    env_logger::init();
    let mysql_url = env::var("CATALOG_MYSQL_URL").expect("CATALOG_MYSQL_URL");
    let mongo_uri = env::var("COMMUNITY_MONGO_URI").unwrap_or_else(|_| "mongodb://localhost:27017".into());

    let opts = OptsBuilder::from_opts(Opts::from_url(&mysql_url).expect("invalid CATALOG_MYSQL_URL"))
        .pool_opts(PoolOpts::default().with_constraints(PoolConstraints::new(2, 16).unwrap()));
    let pool = Pool::new(opts).expect("mysql pool");

    let processor = catalog::CatalogSyncProcessor::new(handler::CatalogHandler::new(pool, mongo_uri));
    let mut server = TServer::new(
        TBufferedReadTransportFactory::new(),
        TBinaryInputProtocolFactory::new(),
        TBufferedWriteTransportFactory::new(),
        TBinaryOutputProtocolFactory::new(),
        processor,
        16,
    );
    log::info!("catalog thrift service on :9090");
    server.listen("0.0.0.0:9090")
}
