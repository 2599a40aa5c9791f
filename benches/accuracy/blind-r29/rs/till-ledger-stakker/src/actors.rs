use std::collections::HashMap;
use std::time::Duration;

use postgres::{Client, NoTls};
use serde::Deserialize;
use stakker::*;

use crate::audit::Audit;

#[derive(Debug, Clone, Deserialize)]
pub struct SaleEvent {
    pub till: String,
    pub sku: String,
    pub qty: i32,
    pub cents: i64,
    pub loyalty_id: Option<String>,
}

/// Books every sale into the `sales` table.
pub struct Ledger {
    db_url: String,
    notifier: Actor<Notifier>,
    audit: Actor<Audit>,
    booked: u64,
}

impl Ledger {
    pub fn init(
        _cx: CX![],
        db_url: String,
        notifier: Actor<Notifier>,
        audit: Actor<Audit>,
    ) -> Option<Self> {
        Some(Self { db_url, notifier, audit, booked: 0 })
    }

    /// Called once per sale event read from stdin.
    pub fn record(&mut self, _cx: CX![], ev: SaleEvent) {
        let mut client = match Client::connect(&self.db_url, NoTls) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("ledger: connect failed: {e}");
                return;
            }
        };
        let res = client.execute(
            "INSERT INTO sales (till, sku, qty, cents) VALUES ($1, $2, $3, $4)",
            &[&ev.till, &ev.sku, &ev.qty, &ev.cents],
        );
        if let Err(e) = res {
            eprintln!("ledger: insert failed for till {}: {e}", ev.till);
            return;
        }
        self.booked += 1;
        call!([self.audit], note(ev.till.clone(), format!("sale {} x{}", ev.sku, ev.qty)));
        if let Some(member) = ev.loyalty_id {
            call!([self.notifier], points(member, ev.cents / 100));
        }
    }
}

/// Batches loyalty points and pushes them to the loyalty service every 30 s.
pub struct Notifier {
    hook_url: String,
    pending: HashMap<String, i64>,
}

impl Notifier {
    pub fn init(cx: CX![], hook_url: String) -> Option<Self> {
        after!(Duration::from_secs(30), [cx], flush());
        Some(Self { hook_url, pending: HashMap::new() })
    }

    pub fn points(&mut self, _cx: CX![], member: String, pts: i64) {
        *self.pending.entry(member).or_insert(0) += pts;
    }

    pub fn flush(&mut self, cx: CX![]) {
        after!(Duration::from_secs(30), [cx], flush());
        if self.pending.is_empty() {
            return;
        }
        let http = match reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
        {
            Ok(c) => c,
            Err(e) => {
                eprintln!("notifier: client build failed: {e}");
                return;
            }
        };
        let batch: Vec<(String, i64)> = self.pending.drain().collect();
        if let Err(e) = http.post(&self.hook_url).json(&batch).send() {
            eprintln!("notifier: push of {} members failed: {e}", batch.len());
            for (m, p) in batch {
                *self.pending.entry(m).or_insert(0) += p;
            }
        }
    }
}
