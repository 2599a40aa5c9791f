//! Mirrors feature flags stored under /flags in ZooKeeper into the
//! reporting database and invalidates the edge cache whenever a flag changes.

mod cache;
mod store;
mod watcher;

use std::sync::Arc;
use std::time::Duration;

use zookeeper::{WatchedEvent, ZooKeeper};

use crate::watcher::FlagWatcher;

fn session_event(ev: WatchedEvent) {
    log::info!("zookeeper session event: {:?}", ev.keeper_state);
}

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let zk_hosts = std::env::var("ZK_HOSTS").unwrap_or_else(|_| "zk-0:2181,zk-1:2181".into());
    let zk = Arc::new(ZooKeeper::connect(&zk_hosts, Duration::from_secs(15), session_event)?);

    // One HTTP client for the audit webhook, shared by every watcher.
    let audit = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;

    let root = FlagWatcher::new(zk.clone(), audit, "/flags".to_string());
    for child in zk.get_children_w("/flags", root.clone())? {
        let path = format!("/flags/{child}");
        let w = root.for_path(path.clone());
        zk.get_data_w(&path, w)?;
    }

    log::info!("watching /flags");
    loop {
        std::thread::park();
    }
}
