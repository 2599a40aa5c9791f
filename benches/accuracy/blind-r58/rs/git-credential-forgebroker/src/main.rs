//! git credential helper.
//!
//!   git config --global credential.https://git.corp.example.helper forgebroker
//!
//! git starts this binary once per credential lookup: `get` when it needs a
//! token, `store` after a successful push/fetch, `erase` when the server
//! rejected it. The credential description arrives on stdin as key=value
//! lines terminated by a blank line; the answer goes to stdout.

mod audit;
mod broker;

use std::collections::HashMap;
use std::io::{self, BufRead, Write};

use anyhow::{bail, Result};

fn read_attributes() -> Result<HashMap<String, String>> {
    let mut attrs = HashMap::new();
    for line in io::stdin().lock().lines() {
        let line = line?;
        if line.is_empty() {
            break;
        }
        if let Some((key, value)) = line.split_once('=') {
            attrs.insert(key.to_string(), value.to_string());
        }
    }
    Ok(attrs)
}

fn main() -> Result<()> {
    let operation = std::env::args().nth(1).unwrap_or_default();
    let attrs = read_attributes()?;

    match operation.as_str() {
        "get" => {
            let host = attrs.get("host").cloned().unwrap_or_default();
            if !host.ends_with(".corp.example") {
                // not ours: say nothing so git falls through to the next helper
                return Ok(());
            }
            let path = attrs.get("path").cloned().unwrap_or_default();

            let broker = broker::BrokerClient::from_env()?;
            let token = broker.issue(&host, &path)?;

            let mut out = io::stdout().lock();
            writeln!(out, "username={}", token.username)?;
            writeln!(out, "password={}", token.secret)?;
            out.flush()?;

            audit::record_issue(&host, &path, &token.username, &token.token_id)?;
        }
        // Tokens expire on their own after 15 minutes; nothing to persist.
        "store" | "erase" => {}
        other => bail!("unsupported credential operation {other:?}"),
    }
    Ok(())
}
