//! Event relay: receives JSON events over UDP, stores them in MongoDB and
//! forwards them to the tenant's webhook. A fixed set of worker threads
//! consumes a flume channel; signal-hook drives shutdown.

mod tenants;

use std::net::UdpSocket;
use std::sync::Arc;
use std::thread;

use mongodb::bson::{doc, Document};
use serde::Deserialize;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use tenants::TenantClients;

#[derive(Deserialize)]
struct Event {
    tenant: String,
    kind: String,
    webhook: String,
    payload: serde_json::Value,
}

fn worker(id: usize, rx: flume::Receiver<Event>, mongo: mongodb::sync::Client, tenants: Arc<TenantClients>) {
    let events = mongo.database("relay").collection::<Document>("events");
    for ev in rx.iter() {
        let stored = events
            .insert_one(doc! { "tenant": &ev.tenant, "kind": &ev.kind, "payload": ev.payload.to_string() })
            .run();
        if let Err(e) = stored {
            eprintln!("worker {id}: mongo insert failed: {e}");
            continue;
        }
        match tenants.get(&ev.tenant) {
            Ok(http) => {
                if let Err(e) = http.post(&ev.webhook).json(&ev.payload).send() {
                    eprintln!("worker {id}: webhook for {} failed: {e}", ev.tenant);
                }
            }
            Err(e) => eprintln!("worker {id}: no client for {}: {e}", ev.tenant),
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let uri = std::env::var("MONGO_URI").unwrap_or_else(|_| "mongodb://localhost:27017".into());
    let mongo = mongodb::sync::Client::with_uri_str(&uri)?;
    let tenants = Arc::new(TenantClients::default());

    let (tx, rx) = flume::bounded::<Event>(1024);
    let mut handles = Vec::new();
    for id in 0..4 {
        let (rx, mongo, tenants) = (rx.clone(), mongo.clone(), tenants.clone());
        handles.push(thread::spawn(move || worker(id, rx, mongo, tenants)));
    }

    let socket = UdpSocket::bind("0.0.0.0:9514")?;
    let udp_tx = tx.clone();
    thread::spawn(move || {
        let mut buf = [0u8; 65_536];
        loop {
            let Ok((n, _)) = socket.recv_from(&mut buf) else { continue };
            match serde_json::from_slice::<Event>(&buf[..n]) {
                Ok(ev) => {
                    if udp_tx.send(ev).is_err() {
                        break;
                    }
                }
                Err(e) => eprintln!("bad datagram: {e}"),
            }
        }
    });

    let mut signals = Signals::new([SIGHUP, SIGINT, SIGTERM])?;
    for sig in signals.forever() {
        match sig {
            SIGHUP => eprintln!("queue depth {}, tenant clients {}", tx.len(), tenants.len()),
            _ => break,
        }
    }

    // Stop taking new work; give workers a moment to drain what is queued.
    drop(tx);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while !rx.is_empty() && std::time::Instant::now() < deadline {
        thread::sleep(std::time::Duration::from_millis(100));
    }
    eprintln!("shutting down with {} workers", handles.len());
    Ok(())
}
