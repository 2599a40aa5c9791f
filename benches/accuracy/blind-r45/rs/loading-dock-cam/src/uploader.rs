use std::sync::mpsc::Receiver;
use std::thread::{self, JoinHandle};
use std::time::Duration;

pub struct Snapshot {
    pub event_id: i64,
    pub jpeg: Vec<u8>,
}

/// Starts the one uploader thread; its HTTP client is built once and reused for
/// every snapshot it receives.
pub fn spawn(evidence_url: String, rx: Receiver<Snapshot>) -> anyhow::Result<JoinHandle<()>> {
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()?;

    let handle = thread::Builder::new().name("uploader".into()).spawn(move || {
        for snap in rx {
            let url = format!("{evidence_url}/events/{}/snapshot", snap.event_id);
            let result = http
                .put(&url)
                .header("content-type", "image/jpeg")
                .body(snap.jpeg)
                .send()
                .and_then(|r| r.error_for_status());
            if let Err(e) = result {
                log::warn!("upload for event {} failed: {e}", snap.event_id);
            }
        }
    })?;
    Ok(handle)
}
