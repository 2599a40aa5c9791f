//! Tiny line-protocol KV server: `<tenant> GET <key>` / `<tenant> SET <key> <value>`.

mod tenants;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;

use rusqlite::OptionalExtension;
use serde_json::json;

fn main() -> anyhow::Result<()> {
    let listener = TcpListener::bind("0.0.0.0:7400")?;
    eprintln!("tenant-kv listening on :7400");

    for stream in listener.incoming() {
        let stream = stream?;
        thread::spawn(move || {
            if let Err(err) = handle(stream) {
                eprintln!("connection error: {err:#}");
            }
        });
    }
    Ok(())
}

fn handle(stream: TcpStream) -> anyhow::Result<()> {
    let mut out = stream.try_clone()?;
    let reader = BufReader::new(stream);

    for line in reader.lines() {
        let line = line?;
        let mut parts = line.splitn(4, ' ');
        let (Some(tenant), Some(cmd), Some(key)) = (parts.next(), parts.next(), parts.next()) else {
            writeln!(out, "ERR syntax")?;
            continue;
        };

        let pool = tenants::pool_for(tenant)?;
        let conn = pool.get()?;
        match cmd {
            "GET" => {
                let value: Option<String> = conn
                    .query_row("SELECT v FROM kv WHERE k = ?1", [key], |r| r.get(0))
                    .optional()?;
                writeln!(out, "{}", value.as_deref().unwrap_or("NIL"))?;
            }
            "SET" => {
                let value = parts.next().unwrap_or("");
                conn.execute(
                    "INSERT INTO kv (k, v) VALUES (?1, ?2) ON CONFLICT(k) DO UPDATE SET v = excluded.v",
                    [key, value],
                )?;
                notify_change(tenant, key);
                writeln!(out, "OK")?;
            }
            _ => writeln!(out, "ERR unknown command")?,
        }
    }
    Ok(())
}

/// Fire-and-forget change hook. attohttpc has no connection pool: each call is
/// a single plain request, nothing is kept open afterwards.
fn notify_change(tenant: &str, key: &str) {
    let Ok(hook) = std::env::var("CHANGE_HOOK_URL") else { return };
    let result = attohttpc::post(&hook)
        .json(&json!({ "tenant": tenant, "key": key }))
        .and_then(|req| req.send());
    if let Err(err) = result {
        eprintln!("change hook failed: {err}");
    }
}
