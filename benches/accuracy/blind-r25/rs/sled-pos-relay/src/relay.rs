//! Forwards outbox entries. Runs on one thread for the process lifetime;
//! `watch_prefix` yields one event per insert/remove.

use std::time::Duration;

use log::{info, warn};
use mongodb::bson::{doc, DateTime, Document};
use mongodb::sync::Collection;

use crate::tenants;

fn forward(tenant: &str, body: &[u8]) -> anyhow::Result<u16> {
    let client = tenants::client_for(tenant)?;
    let resp = client
        .post(tenants::order_endpoint(tenant))
        .header("content-type", "application/json")
        .body(body.to_vec())
        .send()?;
    Ok(resp.status().as_u16())
}

pub fn run(outbox: sled::Tree, deliveries: Collection<Document>) {
    // Replay anything left over from before a restart, then follow new inserts.
    let backlog: Vec<_> = outbox.scan_prefix(b"order/").filter_map(Result::ok).collect();
    info!("replaying {} buffered orders", backlog.len());
    for (key, value) in backlog {
        deliver(&outbox, &deliveries, &key, &value);
    }

    for event in outbox.watch_prefix(b"order/") {
        if let sled::Event::Insert { key, value } = event {
            deliver(&outbox, &deliveries, &key, &value);
        }
    }
}

fn deliver(outbox: &sled::Tree, deliveries: &Collection<Document>, key: &[u8], value: &[u8]) {
    let key_str = String::from_utf8_lossy(key).into_owned();
    let mut parts = key_str.splitn(3, '/');
    let (_, tenant, order_id) = (parts.next(), parts.next().unwrap_or(""), parts.next().unwrap_or(""));

    let mut backoff = Duration::from_millis(500);
    loop {
        match forward(tenant, value) {
            Ok(status) if status < 500 => {
                let _ = deliveries.insert_one(doc! {
                    "tenant": tenant,
                    "order_id": order_id,
                    "status": status as i32,
                    "delivered_at": DateTime::now(),
                }).run();
                let _ = outbox.remove(key);
                return;
            }
            Ok(status) => warn!("{tenant}: upstream {status}, retrying {order_id}"),
            Err(e) => warn!("{tenant}: forward failed: {e}"),
        }
        std::thread::sleep(backoff);
        backoff = (backoff * 2).min(Duration::from_secs(60));
    }
}
