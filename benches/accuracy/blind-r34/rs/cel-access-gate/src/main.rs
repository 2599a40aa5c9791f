//! Spawned once by the gateway; the gateway writes one JSON access request per
//! line to our stdin and reads one decision per line back.

mod clients;
mod policy;

use std::io::{self, BufRead, Write};

use anyhow::Result;
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, Serialize)]
pub struct AccessRequest {
    pub id: String,
    pub user: String,
    pub path: String,
    pub method: String,
}

#[derive(Serialize)]
struct Decision<'a> {
    id: &'a str,
    allow: bool,
    policy: Option<String>,
}

fn main() -> Result<()> {
    let redis_pool = clients::redis_pool()?;
    let rules = policy::load_rules("policies")?;

    let stdin = io::stdin();
    let mut out = io::stdout().lock();

    for line in stdin.lock().lines() {
        let line = line?;
        let req: AccessRequest = match serde_json::from_str(&line) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("skipping malformed request: {e}");
                continue;
            }
        };

        let ctx = policy::context_for(&req, redis_pool.clone())?;
        let denied_by = policy::first_denial(&rules, &ctx);

        let decision = Decision { id: &req.id, allow: denied_by.is_none(), policy: denied_by.clone() };
        writeln!(out, "{}", serde_json::to_string(&decision)?)?;
        out.flush()?;

        if let Some(name) = denied_by {
            clients::report_denial(&req, &name);
        }
    }
    Ok(())
}
