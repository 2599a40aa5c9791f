use std::collections::HashMap;
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use reqwest::blocking::Client;
use serde::Deserialize;

#[derive(Default)]
pub struct Delays {
    pub minutes: HashMap<String, i32>,
}

#[derive(Deserialize)]
struct FeedEntry {
    line: String,
    delay_minutes: i32,
}

/// Built once in main and moved into the feed thread.
pub fn client() -> Client {
    Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("http client")
}

pub fn run(http: Client, tx: Sender<Delays>) {
    let url = std::env::var("TRANSIT_FEED_URL").unwrap_or_else(|_| "https://feed.transit.example/v1/stops/LOBBY/delays".into());
    loop {
        if let Ok(resp) = http.get(&url).send().and_then(|r| r.error_for_status()) {
            if let Ok(entries) = resp.json::<Vec<FeedEntry>>() {
                let minutes = entries.into_iter().map(|e| (e.line, e.delay_minutes)).collect();
                if tx.send(Delays { minutes }).is_err() {
                    return;
                }
            }
        }
        thread::sleep(Duration::from_secs(30));
    }
}
