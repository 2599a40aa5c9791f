//! ClickHouse executable UDF `crm_segment(customer_id) -> String`.
//!
//! With `<type>executable_pool</type>` ClickHouse starts `pool_size` copies of
//! this binary and keeps them alive between queries. For every block of every
//! query that calls the function it writes one TabSeparated row per line on
//! stdin; we must answer exactly one line per input row, in order.

mod db;

use std::collections::HashMap;
use std::io::{self, BufRead, BufWriter, Write};
use std::sync::OnceLock;
use std::time::Duration;

use anyhow::{Context, Result};
use serde::Deserialize;

#[derive(Deserialize)]
struct Config {
    crm_url: String,
    scoring_url: String,
}

#[derive(Deserialize)]
struct Score {
    segment: String,
}

static HTTP: OnceLock<reqwest::blocking::Client> = OnceLock::new();

fn http() -> &'static reqwest::blocking::Client {
    HTTP.get_or_init(|| {
        reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()
            .expect("scoring http client")
    })
}

fn main() -> Result<()> {
    let path = std::env::var("CRM_SEGMENT_UDF_CONFIG").unwrap_or_else(|_| "/etc/crm-segment-udf.toml".into());
    let cfg: Config = toml::from_str(&std::fs::read_to_string(&path).with_context(|| path.clone())?)?;

    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut cache: HashMap<u64, String> = HashMap::new();

    for line in stdin.lock().lines() {
        let line = line?;
        let segment = match line.trim().parse::<u64>() {
            Ok(id) => match cache.get(&id) {
                Some(seg) => seg.clone(),
                None => {
                    let seg = lookup(&cfg, id).unwrap_or_else(|e| {
                        eprintln!("crm_segment({id}): {e:#}");
                        "unknown".to_string()
                    });
                    cache.insert(id, seg.clone());
                    seg
                }
            },
            Err(_) => "invalid".to_string(),
        };
        writeln!(out, "{segment}")?;
        out.flush()?;
    }
    Ok(())
}

/// One lookup per distinct customer id in the rows ClickHouse sends us.
fn lookup(cfg: &Config, customer_id: u64) -> Result<String> {
    let mut client = db::connect(&cfg.crm_url)?;
    let row = client.query_opt(
        "SELECT segment FROM customer_segments WHERE customer_id = $1",
        &[&(customer_id as i64)],
    )?;
    if let Some(row) = row {
        return Ok(row.get(0));
    }
    // Not scored yet (new customer): ask the scoring service.
    let score: Score = http()
        .get(format!("{}/score/{customer_id}", cfg.scoring_url))
        .send()?
        .error_for_status()?
        .json()?;
    Ok(score.segment)
}
