//! Long-polls Syncthing's /rest/events endpoint and reacts to every
//! ItemFinished (one synced file) and FolderCompletion event.

mod audit;
mod catalog;
mod notify;

use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct Event {
    id: u64,
    #[serde(rename = "type")]
    kind: String,
    time: String,
    data: Value,
}

#[derive(Deserialize)]
struct ItemFinished {
    folder: String,
    item: String,
    error: Option<String>,
    #[serde(rename = "type")]
    item_type: String,
    action: String,
}

#[derive(Deserialize)]
struct FolderCompletion {
    folder: String,
    device: String,
    completion: f64,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    env_logger::init();
    let base = std::env::var("SYNCTHING_URL").unwrap_or_else(|_| "http://127.0.0.1:8384".into());
    let mut headers = HeaderMap::new();
    headers.insert("X-API-Key", HeaderValue::from_str(&std::env::var("SYNCTHING_API_KEY")?)?);
    let syncthing = reqwest::blocking::Client::builder()
        .default_headers(headers)
        .timeout(Duration::from_secs(75))
        .build()?;

    let mut since = catalog::last_event_id().unwrap_or(0);
    log::info!("following {base} events since {since}");
    loop {
        let url = format!("{base}/rest/events?since={since}&events=ItemFinished,FolderCompletion&timeout=60");
        let events: Vec<Event> = match syncthing.get(&url).send().and_then(|r| r.error_for_status()).and_then(|r| r.json()) {
            Ok(events) => events,
            Err(e) => {
                log::warn!("event poll failed: {e}; retrying in 5s");
                std::thread::sleep(Duration::from_secs(5));
                continue;
            }
        };
        for ev in events {
            since = since.max(ev.id);
            match ev.kind.as_str() {
                "ItemFinished" => {
                    let Ok(item) = serde_json::from_value::<ItemFinished>(ev.data) else { continue };
                    if let Some(err) = &item.error {
                        audit::record(ev.id, &item.folder, &item.item, "failed", Some(err));
                        notify::sync_error(&item.folder, &item.item, err);
                        continue;
                    }
                    if item.item_type == "file" {
                        if let Err(e) = catalog::apply(&item.folder, &item.item, &item.action, &ev.time) {
                            log::error!("catalog update for {}/{} failed: {e}", item.folder, item.item);
                        }
                    }
                    audit::record(ev.id, &item.folder, &item.item, &item.action, None);
                }
                "FolderCompletion" => {
                    let Ok(fc) = serde_json::from_value::<FolderCompletion>(ev.data) else { continue };
                    if fc.completion >= 100.0 {
                        notify::folder_complete(&fc.folder, &fc.device);
                    }
                }
                _ => {}
            }
        }
        catalog::save_cursor(since);
    }
}
