mod db;
mod sync;

use std::{sync::Arc, thread, time::Duration};

use zookeeper::{WatchedEvent, Watcher, ZooKeeper};

struct SessionLogger;

impl Watcher for SessionLogger {
    fn handle(&self, e: WatchedEvent) {
        log::info!("zk session event: {:?}", e.keeper_state);
    }
}

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let hosts = std::env::var("ZK_HOSTS").unwrap_or_else(|_| "zk1:2181,zk2:2181,zk3:2181".into());
    let zk = Arc::new(ZooKeeper::connect(&hosts, Duration::from_secs(15), SessionLogger)?);
    zk.add_listener(|state| log::info!("zk state -> {state:?}"));

    let services: Vec<String> = std::env::var("SYNC_SERVICES")
        .unwrap_or_else(|_| "checkout,search,accounts".into())
        .split(',')
        .map(str::to_owned)
        .collect();

    for service in services {
        sync::arm(zk.clone(), service)?;
    }

    // Everything else happens in watcher callbacks.
    loop {
        thread::sleep(Duration::from_secs(3600));
    }
}
