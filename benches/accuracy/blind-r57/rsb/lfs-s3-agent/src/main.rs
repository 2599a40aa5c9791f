//! git-lfs custom transfer agent.
//!
//! Configured in the monorepo's .lfsconfig:
//!
//! ```ini
//! [lfs "customtransfer.s3agent"]
//!     path = lfs-s3-agent
//!     concurrent = false
//! [lfs]
//!     usecustomtransfer = s3agent
//! ```
//!
//! git-lfs starts this process once per `git push` / `git lfs pull` and then
//! streams one JSON line per object ("upload" / "download" events) over stdin.
//! A large push sends thousands of objects through the same process.
mod audit;
mod transfer;

use std::io::{self, BufRead, Write};

use anyhow::Result;
use serde::Deserialize;
use serde_json::json;

use transfer::Agent;

#[derive(Debug, Deserialize)]
pub struct Action {
    pub href: String,
    #[serde(default)]
    pub header: std::collections::HashMap<String, String>,
}

#[derive(Debug, Deserialize)]
pub struct Event {
    pub event: String,
    #[serde(default)]
    pub operation: Option<String>,
    #[serde(default)]
    pub remote: Option<String>,
    #[serde(default)]
    pub oid: Option<String>,
    #[serde(default)]
    pub size: Option<u64>,
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub action: Option<Action>,
}

fn reply(out: &mut impl Write, value: serde_json::Value) -> Result<()> {
    writeln!(out, "{}", value)?;
    out.flush()?;
    Ok(())
}

fn main() -> Result<()> {
    if std::env::args().any(|a| a == "--selftest") {
        audit::ping()?;
        println!("lfs-s3-agent: audit database reachable");
        return Ok(());
    }
    let stdin = io::stdin();
    let mut out = io::stdout().lock();
    let mut agent: Option<Agent> = None;

    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let ev: Event = serde_json::from_str(&line)?;
        match ev.event.as_str() {
            "init" => match Agent::new(ev.operation.as_deref(), ev.remote.as_deref()) {
                Ok(a) => {
                    agent = Some(a);
                    reply(&mut out, json!({}))?;
                }
                Err(err) => {
                    reply(&mut out, json!({"error": {"code": 32, "message": err.to_string()}}))?;
                }
            },
            "upload" | "download" => {
                let Some(agent) = agent.as_mut() else {
                    reply(&mut out, json!({"error": {"code": 1, "message": "not initialised"}}))?;
                    continue;
                };
                let oid = ev.oid.clone().unwrap_or_default();
                let result = if ev.event == "upload" {
                    agent.upload(&ev, &mut out)
                } else {
                    agent.download(&ev, &mut out)
                };
                match result {
                    Ok(Some(path)) => reply(&mut out, json!({"event": "complete", "oid": oid, "path": path}))?,
                    Ok(None) => reply(&mut out, json!({"event": "complete", "oid": oid}))?,
                    Err(err) => reply(
                        &mut out,
                        json!({"event": "complete", "oid": oid,
                               "error": {"code": 2, "message": err.to_string()}}),
                    )?,
                }
            }
            "terminate" => break,
            other => eprintln!("lfs-s3-agent: ignoring unknown event {other}"),
        }
    }
    Ok(())
}
