//! One reporter thread per host process, started by the first plugin
//! instance and shared by all later ones. It owns the only HTTP agent.

use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::OnceLock;
use std::thread;
use std::time::Duration;

use serde::Serialize;

#[derive(Serialize, Clone, Copy)]
pub struct ClipEvent {
    pub instance: u32,
    pub overs: u32,
    pub peak_dbfs: f32,
}

#[derive(Clone)]
pub struct Handle {
    tx: SyncSender<ClipEvent>,
}

impl Handle {
    pub fn offer(&self, event: ClipEvent) {
        let _ = self.tx.try_send(event);
    }
}

static SHARED: OnceLock<Option<Handle>> = OnceLock::new();

pub fn shared() -> Option<Handle> {
    SHARED
        .get_or_init(|| {
            let (tx, rx) = sync_channel::<ClipEvent>(256);
            thread::Builder::new()
                .name("clipwatch-reporter".into())
                .spawn(move || report_loop(rx))
                .ok()?;
            Some(Handle { tx })
        })
        .clone()
}

fn report_loop(rx: Receiver<ClipEvent>) {
    let endpoint = std::env::var("CLIPWATCH_QC_URL")
        .unwrap_or_else(|_| "http://qc.tidewater.lan:8088/v1/overs".to_string());
    let session = std::env::var("CLIPWATCH_SESSION").unwrap_or_else(|_| "untitled".to_string());

    let agent = ureq::AgentBuilder::new()
        .timeout_connect(Duration::from_secs(2))
        .timeout(Duration::from_secs(5))
        .build();

    // Runs for the lifetime of the host process; one agent for all batches.
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        while let Ok(more) = rx.try_recv() {
            batch.push(more);
        }

        let body = serde_json::json!({ "session": session, "events": batch });
        if let Err(err) = agent.post(&endpoint).send_json(body) {
            eprintln!("clipwatch: QC report failed: {err}");
            thread::sleep(Duration::from_secs(1));
        }
    }
}
