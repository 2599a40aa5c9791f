//! Subscribes to RIS Live for the prefixes in `watched_prefixes` and records
//! (and pages on) any UPDATE whose origin AS is not the expected one.
//! The websocket drops now and then; the outer loop reconnects with backoff.
//! The database connection and the pager client are created once, up front.

use std::thread::sleep;
use std::time::Duration;

use ipnet::IpNet;
use serde::Deserialize;
use serde_json::{json, Value};
use tungstenite::Message;

mod prefixes;

const RIS_LIVE: &str = "wss://ris-live.ripe.net/v1/ws/?client=acme-noc-origin-watch";

#[derive(Deserialize)]
struct Envelope {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    data: Option<Update>,
}

#[derive(Deserialize)]
struct Update {
    peer_asn: String,
    host: String,
    #[serde(default)]
    path: Vec<Value>,
    #[serde(default)]
    announcements: Vec<Announcement>,
}

#[derive(Deserialize)]
struct Announcement {
    prefixes: Vec<String>,
}

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let mut db = prefixes::connect()?;
    let watched = prefixes::load_watched(&mut db)?;
    let pager = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;

    let mut backoff = Duration::from_secs(1);
    loop {
        match watch(&mut db, &watched, &pager) {
            Ok(()) => backoff = Duration::from_secs(1),
            Err(e) => {
                log::warn!("RIS Live session ended: {e:#}; reconnecting in {backoff:?}");
                sleep(backoff);
                backoff = (backoff * 2).min(Duration::from_secs(60));
            }
        }
    }
}

fn watch(
    db: &mut postgres::Client,
    watched: &[prefixes::Watched],
    pager: &reqwest::blocking::Client,
) -> anyhow::Result<()> {
    let (mut ws, _) = tungstenite::connect(RIS_LIVE)?;
    for w in watched {
        let sub = json!({
            "type": "ris_subscribe",
            "data": { "type": "UPDATE", "prefix": w.prefix.to_string(), "moreSpecific": true }
        });
        ws.send(Message::text(sub.to_string()))?;
    }
    log::info!("subscribed to {} prefixes", watched.len());

    loop {
        let text = match ws.read()? {
            Message::Text(t) => t,
            Message::Close(_) => return Ok(()),
            _ => continue,
        };
        let env: Envelope = serde_json::from_str(&text)?;
        if env.kind != "ris_message" {
            continue;
        }
        let Some(update) = env.data else { continue };
        let Some(origin) = update.path.last().and_then(Value::as_u64) else {
            continue; // AS_SET origins are ignored
        };

        for prefix in update.announcements.iter().flat_map(|a| a.prefixes.iter()) {
            let Ok(net) = prefix.parse::<IpNet>() else { continue };
            let Some(w) = watched.iter().find(|w| w.prefix.contains(&net)) else { continue };
            if w.origin_asn == origin {
                continue;
            }
            prefixes::record_event(db, prefix, origin, &update.host, &update.peer_asn)?;
            page(pager, prefix, origin, w.origin_asn);
        }
    }
}

fn page(pager: &reqwest::blocking::Client, prefix: &str, seen: u64, expected: u64) {
    let Ok(url) = std::env::var("PAGER_WEBHOOK") else { return };
    let body = json!({
        "summary": format!("{prefix} announced by AS{seen}, expected AS{expected}"),
        "severity": "critical",
    });
    if let Err(e) = pager.post(url).json(&body).send() {
        log::error!("pager webhook failed: {e}");
    }
}
