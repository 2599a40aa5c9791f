mod clients;
mod meter;

use std::time::Duration;

use act_zero::runtimes::tokio::spawn_actor;
use act_zero::*;
use tokio::io::{AsyncBufReadExt, BufReader};

use meter::{UsageEvent, UsageRouter};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let pool = clients::pg_pool()?;
    let http = clients::http()?;
    let router = spawn_actor(UsageRouter::new(pool, http));

    let flusher = router.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(60));
        loop {
            every.tick().await;
            send!(flusher.flush_all());
        }
    });

    // The API gateway pipes one usage event per line.
    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    while let Some(line) = lines.next_line().await? {
        match serde_json::from_str::<UsageEvent>(&line) {
            Ok(event) => send!(router.record(event)),
            Err(e) => log::warn!("bad usage event: {e}"),
        }
    }

    call!(router.flush_all()).await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    Ok(())
}
