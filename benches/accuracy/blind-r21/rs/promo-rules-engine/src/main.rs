//! Evaluates marketing's JavaScript promotion rules for every order event
//! read from stdin (NDJSON, one order per line, fed by the order-events tap).

mod engine;
mod host;

use std::io::{self, BufRead, Write};
use std::time::Duration;

use anyhow::Context;
use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

use crate::engine::Engine;

/// The CRM replica is often still starting when this sidecar comes up, so
/// retry for a while before giving up.
fn connect_crm(url: &str) -> anyhow::Result<Pool> {
    let opts: Opts = OptsBuilder::from_opts(Opts::from_url(url)?)
        .pool_opts(PoolOpts::default().with_constraints(PoolConstraints::new(1, 4).unwrap()))
        .into();
    let mut attempt = 0;
    loop {
        attempt += 1;
        match Pool::new(opts.clone()).and_then(|p| p.get_conn().map(|_| p)) {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 15 => {
                log::warn!("CRM replica not ready (attempt {attempt}): {e}");
                std::thread::sleep(Duration::from_secs(2));
            }
            Err(e) => return Err(e).context("CRM replica unreachable"),
        }
    }
}

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let crm_url = std::env::var("CRM_MYSQL_URL").context("CRM_MYSQL_URL")?;
    let fx_url = std::env::var("FX_API_URL").unwrap_or_else(|_| "https://fx.internal/api/v2".into());
    let rules_path = std::env::var("RULES_FILE").unwrap_or_else(|_| "rules/promotions.js".into());

    let pool = connect_crm(&crm_url)?;
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(3))
        .user_agent("promo-rules-engine/1.0")
        .build();

    let source = std::fs::read_to_string(&rules_path).with_context(|| format!("reading {rules_path}"))?;
    let engine = Engine::new(pool, agent, fx_url, &source)?;

    let stdin = io::stdin();
    let mut out = io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        match engine.evaluate(&line) {
            Ok(decision) => writeln!(out, "{decision}")?,
            Err(e) => log::error!("rule evaluation failed: {e}"),
        }
        out.flush()?;
    }
    Ok(())
}
