mod store;

use std::env;
use std::io::Read;

use anyhow::{Context, Result};
use mysql::prelude::*;
use nanomsg::{Protocol, Socket};
use serde::Deserialize;

#[derive(Deserialize)]
struct Reading {
    meter_id: String,
    register: String,
    read_at: String, // RFC 3339 from the collector
    value_wh: u64,
}

fn main() -> Result<()> {
    let url = env::var("LEDGER_MYSQL_URL").context("LEDGER_MYSQL_URL")?;
    let bind = env::var("PULL_ENDPOINT").unwrap_or_else(|_| "tcp://0.0.0.0:5560".into());

    let pool = store::connect_with_retry(&url, 8)?;

    let mut socket = Socket::new(Protocol::Pull)?;
    let _endpoint = socket.bind(&bind)?;
    eprintln!("pulling readings on {bind}");

    let mut stored: u64 = 0;
    loop {
        let mut msg = Vec::new();
        if let Err(e) = socket.read_to_end(&mut msg) {
            eprintln!("recv failed: {e}");
            continue;
        }
        let reading: Reading = match serde_json::from_slice(&msg) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("dropping malformed reading: {e}");
                continue;
            }
        };

        let mut conn = match pool.get_conn() {
            Ok(c) => c,
            Err(e) => {
                eprintln!("no ledger connection, reading for {} lost: {e}", reading.meter_id);
                continue;
            }
        };
        let res = conn.exec_drop(
            "INSERT INTO meter_readings (meter_id, register, read_at, value_wh)
             VALUES (?, ?, STR_TO_DATE(LEFT(?, 19), '%Y-%m-%dT%H:%i:%s'), ?)
             ON DUPLICATE KEY UPDATE value_wh = VALUES(value_wh)",
            (&reading.meter_id, &reading.register, &reading.read_at, reading.value_wh),
        );
        if let Err(e) = res {
            eprintln!("insert for {} failed: {e}", reading.meter_id);
            continue;
        }
        stored += 1;
        if stored % 10_000 == 0 {
            eprintln!("{stored} readings stored");
        }
    }
}
