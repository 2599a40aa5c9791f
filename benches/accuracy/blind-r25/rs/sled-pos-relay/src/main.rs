//! POS terminals in the store write orders to a local unix socket; we keep
//! them in a sled outbox so nothing is lost while the uplink is down, and a
//! relay thread forwards each new outbox entry.

use std::io::{BufRead, BufReader};
use std::os::unix::net::{UnixListener, UnixStream};
use std::thread;

use log::{info, warn};

mod relay;
mod tenants;

fn intake(stream: UnixStream, outbox: sled::Tree) {
    for line in BufReader::new(stream).lines() {
        let Ok(line) = line else { break };
        let Ok(order) = serde_json::from_str::<serde_json::Value>(&line) else {
            warn!("dropping malformed POS line");
            continue;
        };
        let tenant = order["franchise"].as_str().unwrap_or("unknown");
        let id = order["order_id"].as_str().unwrap_or("0");
        let key = format!("order/{tenant}/{id}");
        if let Err(e) = outbox.insert(key.as_bytes(), line.as_bytes()) {
            warn!("outbox insert failed: {e}");
        }
    }
}

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let db = sled::open(std::env::var("OUTBOX_PATH").unwrap_or_else(|_| "/var/lib/pos-relay".into()))?;
    let outbox = db.open_tree("outbox")?;

    let deliveries = tenants::delivery_log()?;
    let relay_tree = outbox.clone();
    let relay = thread::Builder::new()
        .name("relay".into())
        .spawn(move || relay::run(relay_tree, deliveries))?;

    let sock_path = "/run/pos-relay/intake.sock";
    let _ = std::fs::remove_file(sock_path);
    let listener = UnixListener::bind(sock_path)?;
    info!("intake listening on {sock_path}");

    for stream in listener.incoming() {
        match stream {
            Ok(s) => {
                let outbox = outbox.clone();
                thread::spawn(move || intake(s, outbox));
            }
            Err(e) => warn!("intake accept failed: {e}"),
        }
    }

    let _ = relay.join();
    Ok(())
}
