//! Line-delimited JSON protocol spoken by the till UI. One thread per till
//! connection; `serve` handles every command the till sends.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::sync::{
    atomic::{AtomicU64, Ordering},
    LazyLock, Mutex,
};

use interprocess::local_socket::Stream;
use mysql::prelude::*;
use mysql::PooledConn;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::{pricing, Services};

/// Open sale batches: each holds its connection (with an open transaction)
/// until the till sends `commit_batch`.
static BATCHES: LazyLock<Mutex<HashMap<u64, PooledConn>>> = LazyLock::new(|| Mutex::new(HashMap::new()));
static NEXT_BATCH: AtomicU64 = AtomicU64::new(1);

#[derive(Deserialize)]
#[serde(tag = "cmd", rename_all = "snake_case")]
enum Command {
    Price { sku: String },
    OpenBatch,
    AddLine { batch: u64, sku: String, qty: i32 },
    CommitBatch { batch: u64, card: Option<String> },
}

pub fn serve(conn: Stream, services: &Services) -> anyhow::Result<()> {
    let mut reader = BufReader::new(&conn);
    let mut writer = &conn;
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(()); // till closed the socket
        }
        let reply = match serde_json::from_str::<Command>(line.trim()) {
            Ok(cmd) => handle(cmd, services).unwrap_or_else(|e| json!({ "error": e.to_string() })),
            Err(e) => json!({ "error": format!("bad command: {e}") }),
        };
        writer.write_all(format!("{reply}\n").as_bytes())?;
    }
}

fn handle(cmd: Command, services: &Services) -> anyhow::Result<Value> {
    match cmd {
        Command::Price { sku } => Ok(json!({ "sku": sku, "price_cents": pricing::price_cents(&services.pricing, &sku)? })),
        Command::OpenBatch => {
            let mut conn = services.inventory.get_conn()?;
            conn.query_drop("START TRANSACTION")?;
            let id = NEXT_BATCH.fetch_add(1, Ordering::Relaxed);
            BATCHES.lock().unwrap().insert(id, conn);
            Ok(json!({ "batch": id }))
        }
        Command::AddLine { batch, sku, qty } => {
            let mut batches = BATCHES.lock().unwrap();
            let conn = batches.get_mut(&batch).ok_or_else(|| anyhow::anyhow!("unknown batch"))?;
            conn.exec_drop("INSERT INTO sale_lines (batch_id, sku, qty) VALUES (?, ?, ?)", (batch, &sku, qty))?;
            conn.exec_drop("UPDATE stock SET on_hand = on_hand - ? WHERE sku = ?", (qty, &sku))?;
            Ok(json!({ "ok": true }))
        }
        Command::CommitBatch { batch, card } => {
            let mut conn = BATCHES
                .lock()
                .unwrap()
                .remove(&batch)
                .ok_or_else(|| anyhow::anyhow!("unknown batch"))?;
            conn.query_drop("COMMIT")?;
            if let Some(card) = card {
                sync_loyalty(&services.loyalty_url, &card, batch)?;
            }
            Ok(json!({ "committed": batch }))
        }
    }
}

fn sync_loyalty(base: &str, card: &str, batch: u64) -> anyhow::Result<()> {
    let http = reqwest::blocking::Client::new();
    http.post(format!("{base}/cards/{card}/purchases"))
        .json(&json!({ "till_batch": batch }))
        .send()?
        .error_for_status()?;
    Ok(())
}
