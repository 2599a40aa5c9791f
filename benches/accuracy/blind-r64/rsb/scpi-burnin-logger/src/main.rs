//! Started by the test operator for one burn-in run:
//!   scpi-burnin-logger RUN-2024-117 48 dmm1=dmm@10.20.0.11:5025 psu1=psu@10.20.0.12:5025
//! Samples every instrument every 2 s until the run time is over, then posts
//! the verdict to the MES and exits.

mod instrument;
mod store;

use std::env;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use instrument::{Instrument, Kind};

fn parse_instrument(spec: &str) -> Result<Instrument> {
    let (name, rest) = spec.split_once('=').context("expected name=kind@host:port")?;
    let (kind, addr) = rest.split_once('@').context("expected kind@host:port")?;
    let kind = match kind {
        "dmm" => Kind::Dmm,
        "psu" => Kind::Psu,
        other => bail!("unknown instrument kind {other}"),
    };
    Ok(Instrument::new(name, kind, addr))
}

fn main() -> Result<()> {
    let args: Vec<String> = env::args().skip(1).collect();
    if args.len() < 3 {
        bail!("usage: scpi-burnin-logger RUN_ID HOURS name=kind@host:port...");
    }
    let run_id = args[0].clone();
    let hours: u64 = args[1].parse()?;
    let mut instruments = args[2..].iter().map(|s| parse_instrument(s)).collect::<Result<Vec<_>>>()?;
    let max_current: f64 = env::var("BURNIN_MAX_CURRENT_A").ok().and_then(|v| v.parse().ok()).unwrap_or(1.5);

    let pool = store::open_pool(&env::var("BURNIN_DATABASE_URL")?)?;
    let mes = reqwest::blocking::Client::builder().timeout(Duration::from_secs(15)).build()?;
    let mes_url = env::var("MES_VERDICT_URL")?;

    for inst in instruments.iter_mut() {
        let idn = inst.query("*IDN?").with_context(|| format!("{} not answering", inst.name))?;
        println!("{}: {idn}", inst.name);
    }

    let deadline = Instant::now() + Duration::from_secs(hours * 3600);
    while Instant::now() < deadline {
        let started = Instant::now();
        let mut samples = Vec::with_capacity(instruments.len());
        for inst in instruments.iter_mut() {
            match inst.measure() {
                Ok((quantity, value)) => samples.push(store::Sample { instrument: inst.name.clone(), quantity, value }),
                Err(e) => eprintln!("{}: {e}", inst.name),
            }
        }
        if let Err(e) = store::write_samples(&pool, &run_id, &samples) {
            eprintln!("could not store {} samples: {e}", samples.len());
        }
        thread::sleep(Duration::from_secs(2).saturating_sub(started.elapsed()));
    }

    let verdict = store::summarize(&pool, &run_id, max_current)?;
    mes.post(&mes_url).json(&verdict).send()?.error_for_status()?;
    println!("{run_id}: passed={} ({} samples)", verdict.passed, verdict.samples);
    Ok(())
}
