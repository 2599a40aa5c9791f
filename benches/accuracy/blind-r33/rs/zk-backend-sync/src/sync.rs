//! Watches `/services/<name>/instances` and mirrors the children into the
//! `edge_backends` table whenever they change.

use std::sync::Arc;

use redis::Commands;
use serde::Deserialize;
use zookeeper::{WatchedEvent, WatchedEventType, Watcher, ZooKeeper};

use crate::db;

#[derive(Deserialize)]
struct Instance {
    host: String,
    port: u16,
    weight: Option<i32>,
}

struct InstancesWatcher {
    zk: Arc<ZooKeeper>,
    service: String,
}

impl Watcher for InstancesWatcher {
    fn handle(&self, event: WatchedEvent) {
        if event.event_type != WatchedEventType::NodeChildrenChanged {
            return;
        }
        log::info!("{} instances changed ({:?})", self.service, event.path);
        if let Err(e) = arm(self.zk.clone(), self.service.clone()) {
            log::error!("resync of {} failed: {e}", self.service);
        }
    }
}

fn instances_path(service: &str) -> String {
    format!("/services/{service}/instances")
}

/// Reads the current children (re-arming the one-shot watch) and mirrors them.
pub fn arm(zk: Arc<ZooKeeper>, service: String) -> anyhow::Result<()> {
    let path = instances_path(&service);
    let watcher = InstancesWatcher { zk: zk.clone(), service: service.clone() };
    let children = zk.get_children_w(&path, watcher)?;

    let mut instances = Vec::with_capacity(children.len());
    for child in children {
        let (data, _stat) = zk.get_data(&format!("{path}/{child}"), false)?;
        instances.push(serde_json::from_slice::<Instance>(&data)?);
    }
    mirror(&service, &instances)?;
    announce(&service, instances.len())?;
    Ok(())
}

fn mirror(service: &str, instances: &[Instance]) -> anyhow::Result<()> {
    let pool = db::pool()?;
    let mut conn = pool.get()?;
    let mut tx = conn.transaction()?;
    tx.execute("DELETE FROM edge_backends WHERE service = $1", &[&service])?;
    for i in instances {
        tx.execute(
            "INSERT INTO edge_backends (service, host, port, weight) VALUES ($1, $2, $3, $4)",
            &[&service, &i.host, &(i.port as i32), &i.weight.unwrap_or(100)],
        )?;
    }
    tx.commit()?;
    Ok(())
}

fn announce(service: &str, count: usize) -> anyhow::Result<()> {
    let url = std::env::var("EDGE_REDIS_URL").unwrap_or_else(|_| "redis://edge-bus:6379".into());
    let mut con = redis::Client::open(url)?.get_connection()?;
    let _: i64 = con.publish("edge:backends:changed", format!("{service}:{count}"))?;
    Ok(())
}
