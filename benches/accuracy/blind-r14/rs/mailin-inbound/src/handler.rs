use std::io;
use std::net::IpAddr;
use std::time::Duration;

use mailin_embedded::response::{INTERNAL_ERROR, NO_MAILBOX, NO_STORAGE, OK};
use mailin_embedded::{Handler, Response};
use redis::Commands;
use serde::Deserialize;

use crate::quota::QuotaDb;
use crate::store::MailStore;

#[derive(Deserialize)]
struct ScanResult {
    verdict: String,
}

pub struct InboundHandler {
    store: MailStore,
    quota: QuotaDb,
    scanner: reqwest::blocking::Client,
    scanner_url: String,
    redis_url: String,
    peer: Option<IpAddr>,
    from: String,
    to: Vec<String>,
    buf: Vec<u8>,
}

impl InboundHandler {
    pub fn new(store: MailStore, quota: QuotaDb, redis_url: String, scanner_url: String) -> Self {
        Self {
            store,
            quota,
            scanner: reqwest::blocking::Client::new(),
            scanner_url,
            redis_url,
            peer: None,
            from: String::new(),
            to: Vec::new(),
            buf: Vec::new(),
        }
    }
}

// mailin clones the handler for every accepted connection. The blocking client runs
// its own runtime thread, so give each session a fresh one with the scan timeout.
impl Clone for InboundHandler {
    fn clone(&self) -> Self {
        Self {
            store: self.store.clone(),
            quota: self.quota.clone(),
            scanner: reqwest::blocking::Client::builder().timeout(Duration::from_secs(20)).build().expect("scanner client"),
            scanner_url: self.scanner_url.clone(),
            redis_url: self.redis_url.clone(),
            peer: None,
            from: String::new(),
            to: Vec::new(),
            buf: Vec::new(),
        }
    }
}

impl Handler for InboundHandler {
    fn helo(&mut self, ip: IpAddr, _domain: &str) -> Response {
        self.peer = Some(ip);
        OK
    }

    fn mail(&mut self, _ip: IpAddr, _domain: &str, from: &str) -> Response {
        self.from = from.to_string();
        self.to.clear();
        self.buf.clear();
        OK
    }

    fn rcpt(&mut self, to: &str) -> Response {
        let blocked: bool = match redis::Client::open(self.redis_url.as_str()) {
            Ok(client) => match client.get_connection() {
                Ok(mut con) => con.sismember("smtp:blocked_rcpt", to).unwrap_or(false),
                Err(_) => false,
            },
            Err(_) => false,
        };
        if blocked {
            return NO_MAILBOX;
        }
        if !self.quota.has_room(to) {
            return NO_STORAGE;
        }
        self.to.push(to.to_string());
        OK
    }

    fn data(&mut self, buf: &[u8]) -> io::Result<()> {
        self.buf.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let verdict = self
            .scanner
            .post(&self.scanner_url)
            .body(self.buf.clone())
            .send()
            .and_then(|r| r.json::<ScanResult>())
            .map(|s| s.verdict)
            .unwrap_or_else(|_| "unscanned".to_string());

        match self.store.save(&self.from, &self.to, &self.buf, &verdict) {
            Ok(id) => {
                log::info!("stored message {id} from {:?} ({verdict})", self.peer);
                OK
            }
            Err(e) => {
                log::error!("store failed: {e}");
                INTERNAL_ERROR
            }
        }
    }
}
