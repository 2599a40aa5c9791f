mod archive;
mod ingest;

use bastion::distributor::Distributor;
use bastion::prelude::*;
use deadpool_postgres::{Config, ManagerConfig, RecyclingMethod, Runtime};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio_postgres::NoTls;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let mut cfg = Config::new();
    cfg.url = Some(std::env::var("DATABASE_URL")?);
    cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
    let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;

    Bastion::init();
    ingest::spawn_workers(pool.clone(), 4)?;
    Bastion::start();

    // Readings arrive as NDJSON on stdin from the gateway's serial bridge.
    let ingest = Distributor::named("ingest");
    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    while let Some(line) = lines.next_line().await? {
        match serde_json::from_str::<ingest::Reading>(&line) {
            Ok(reading) => {
                if let Err(e) = ingest.tell_one(reading) {
                    log::warn!("no ingest worker available: {e:?}");
                }
            }
            Err(e) => log::warn!("bad reading line: {e}"),
        }
    }

    Bastion::stop();
    Bastion::block_until_stopped();
    Ok(())
}
