use std::thread::sleep;
use std::time::Duration;

use bson::{doc, oid::ObjectId, DateTime};
use mongodb::sync::{Client, Collection};
use serde::Serialize;

use crate::motion::ChangeKind;

#[derive(Serialize)]
struct DockEvent<'a> {
    dock: &'a str,
    kind: ChangeKind,
    frame_seq: u32,
    at: DateTime,
}

pub struct EventStore {
    events: Collection<bson::Document>,
}

impl EventStore {
    /// Runs once at start-up. The camera box boots faster than the network
    /// link to the yard office, so keep pinging until MongoDB answers.
    pub fn connect_with_retry(url: &str) -> anyhow::Result<Self> {
        let client = Client::with_uri_str(url)?;
        let mut attempt = 0;
        loop {
            attempt += 1;
            match client.database("admin").run_command(doc! { "ping": 1 }).run() {
                Ok(_) => break,
                Err(e) if attempt < 30 => {
                    log::warn!("mongodb not reachable yet (attempt {attempt}): {e}");
                    sleep(Duration::from_secs(2));
                }
                Err(e) => return Err(e.into()),
            }
        }
        let db = client.database("yard");
        Ok(Self { events: db.collection("dock_events") })
    }

    pub fn record(&self, dock: &str, kind: ChangeKind, frame_seq: u32) -> anyhow::Result<String> {
        let id = ObjectId::new();
        let mut d = bson::to_document(&DockEvent { dock, kind, frame_seq, at: DateTime::now() })?;
        d.insert("_id", id);
        self.events.insert_one(d).run()?;
        Ok(id.to_hex())
    }
}
