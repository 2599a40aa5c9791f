mod db;
mod settle;

use std::sync::Arc;
use std::time::Duration;

use ldk_node::bitcoin::Network;
use ldk_node::lightning::ln::msgs::SocketAddress;
use ldk_node::Builder;

use crate::settle::Settler;

fn env(key: &str) -> String {
    std::env::var(key).unwrap_or_else(|_| panic!("{key} must be set"))
}

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let runtime = Arc::new(
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()?,
    );

    let pool = runtime.block_on(db::connect_with_retry(&env("DATABASE_URL")))?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?;

    let mut builder = Builder::new();
    builder.set_network(Network::Bitcoin);
    builder.set_storage_dir_path(env("LDK_DATA_DIR"));
    builder.set_chain_source_esplora(env("ESPLORA_URL"), None);
    builder.set_gossip_source_rgs(env("RGS_URL"));
    let listen: SocketAddress = "0.0.0.0:9735"
        .parse()
        .map_err(|_| anyhow::anyhow!("bad listen address"))?;
    builder.set_listening_addresses(vec![listen])?;
    let node = Arc::new(builder.build()?);
    node.start_with_runtime(runtime.clone())?;
    tracing::info!(node_id = %node.node_id(), "lightning node started");

    let settler = Settler::new(pool.clone(), http, env("WEBHOOK_SIGNING_SECRET"));

    runtime.block_on(async {
        loop {
            tokio::select! {
                event = node.next_event_async() => {
                    match settler.handle(&event).await {
                        Ok(()) => node.event_handled(),
                        Err(err) => {
                            // Not acknowledged: LDK hands the same event back on the next poll.
                            tracing::warn!(?event, error = %err, "event handling failed, retrying");
                            tokio::time::sleep(Duration::from_secs(3)).await;
                        }
                    }
                }
                _ = tokio::signal::ctrl_c() => break,
            }
        }
        pool.close();
    });

    node.stop()?;
    Ok(())
}
