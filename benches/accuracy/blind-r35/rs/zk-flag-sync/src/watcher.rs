use std::sync::Arc;

use serde_json::json;
use zookeeper::{WatchedEvent, WatchedEventType, Watcher, ZooKeeper};

use crate::{cache, store};

/// ZooKeeper watches are one-shot: every callback re-arms itself.
#[derive(Clone)]
pub struct FlagWatcher {
    zk: Arc<ZooKeeper>,
    audit: reqwest::blocking::Client,
    path: String,
}

impl FlagWatcher {
    pub fn new(zk: Arc<ZooKeeper>, audit: reqwest::blocking::Client, path: String) -> Self {
        FlagWatcher { zk, audit, path }
    }

    pub fn for_path(&self, path: String) -> Self {
        FlagWatcher { zk: self.zk.clone(), audit: self.audit.clone(), path }
    }

    fn on_data_changed(&self, path: &str) -> anyhow::Result<()> {
        let (data, stat) = self.zk.get_data_w(path, self.for_path(path.to_string()))?;
        let value = String::from_utf8_lossy(&data).to_string();
        let flag = path.trim_start_matches("/flags/");

        store::record_flag(flag, &value, stat.version)?;
        cache::invalidate(flag)?;

        self.audit
            .post("https://audit.internal/v1/events")
            .json(&json!({ "kind": "flag.changed", "flag": flag, "version": stat.version }))
            .send()?;
        Ok(())
    }

    fn on_children_changed(&self) -> anyhow::Result<()> {
        for child in self.zk.get_children_w(&self.path, self.clone())? {
            let path = format!("{}/{}", self.path, child);
            self.zk.get_data_w(&path, self.for_path(path.clone()))?;
        }
        Ok(())
    }
}

impl Watcher for FlagWatcher {
    fn handle(&self, event: WatchedEvent) {
        let res = match event.event_type {
            WatchedEventType::NodeDataChanged => match event.path.as_deref() {
                Some(p) => self.on_data_changed(p),
                None => Ok(()),
            },
            WatchedEventType::NodeChildrenChanged => self.on_children_changed(),
            other => {
                log::debug!("ignoring {:?}", other);
                Ok(())
            }
        };
        if let Err(e) = res {
            log::error!("flag sync failed: {e:#}");
        }
    }
}
