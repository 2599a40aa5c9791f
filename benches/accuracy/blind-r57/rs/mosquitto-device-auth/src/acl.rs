//! Topic ACLs: each device may publish under sites/<site>/ for the sites it is
//! assigned to, and read its own commands topic. Rules are cached per device.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::FleetPool;

const TTL: Duration = Duration::from_secs(300);

struct Entry {
    sites: Vec<String>,
    loaded: Instant,
}

#[derive(Default)]
pub struct AclCache {
    entries: HashMap<String, Entry>,
}

impl AclCache {
    pub fn allowed(&mut self, pool: &FleetPool, device: &str, topic: &str, write: bool) -> bool {
        if !write {
            return topic == format!("devices/{device}/commands");
        }
        let fresh = self
            .entries
            .get(device)
            .map(|e| e.loaded.elapsed() < TTL)
            .unwrap_or(false);
        if !fresh {
            match load_sites(pool, device) {
                Ok(sites) => {
                    self.entries.insert(
                        device.to_string(),
                        Entry {
                            sites,
                            loaded: Instant::now(),
                        },
                    );
                }
                Err(e) => {
                    log::error!("acl load for {device}: {e}");
                    return false;
                }
            }
        }
        let entry = &self.entries[device];
        entry
            .sites
            .iter()
            .any(|site| topic.starts_with(&format!("sites/{site}/")))
    }
}

fn load_sites(pool: &FleetPool, device: &str) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let mut conn = pool.get()?;
    let rows = conn.query(
        "SELECT s.code FROM device_sites ds JOIN sites s ON s.id = ds.site_id \
         WHERE ds.device = $1",
        &[&device],
    )?;
    Ok(rows.iter().map(|r| r.get::<_, String>(0)).collect())
}
