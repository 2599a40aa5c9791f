use std::time::Duration;

use anyhow::{Context, Result};
use argh::FromArgs;
use postgres::{Client, NoTls};
use serde::Deserialize;

/// Import the store directory CSV exported from the franchise portal.
#[derive(FromArgs)]
struct Args {
    /// path to the CSV file
    #[argh(positional)]
    file: String,
    /// postgres connection string
    #[argh(option, default = "String::from(\"postgres://localhost/stores\")")]
    database_url: String,
    /// geocoder base URL
    #[argh(option, default = "String::from(\"https://geocode.internal/v1/search\")")]
    geocoder: String,
    /// rows per transaction
    #[argh(option, default = "500")]
    batch: usize,
}

#[derive(Deserialize)]
struct StoreRow {
    code: String,
    name: String,
    address: String,
}

#[derive(Deserialize)]
struct GeoHit {
    lat: f64,
    lon: f64,
}

fn geocode(agent: &ureq::Agent, base: &str, address: &str) -> Option<(f64, f64)> {
    let hits: Vec<GeoHit> = agent
        .get(base)
        .query("q", address)
        .call()
        .ok()?
        .into_json()
        .ok()?;
    hits.first().map(|h| (h.lat, h.lon))
}

fn flush(db: &mut Client, rows: &[(StoreRow, Option<(f64, f64)>)]) -> Result<()> {
    let mut tx = db.transaction()?;
    let stmt = tx.prepare(
        "INSERT INTO stores (code, name, address, lat, lon) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, address = EXCLUDED.address, \
         lat = EXCLUDED.lat, lon = EXCLUDED.lon",
    )?;
    for (row, pos) in rows {
        let (lat, lon) = pos.map_or((None, None), |(a, b)| (Some(a), Some(b)));
        tx.execute(&stmt, &[&row.code, &row.name, &row.address, &lat, &lon])?;
    }
    tx.commit()?;
    Ok(())
}

fn main() -> Result<()> {
    let args: Args = argh::from_env();
    let mut db = Client::connect(&args.database_url, NoTls).context("connect to postgres")?;
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(10))
        .build();

    let mut reader = csv::Reader::from_path(&args.file)?;
    let mut pending = Vec::with_capacity(args.batch);
    let mut total = 0usize;
    for record in reader.deserialize::<StoreRow>() {
        let row = record?;
        let pos = geocode(&agent, &args.geocoder, &row.address);
        pending.push((row, pos));
        if pending.len() >= args.batch {
            flush(&mut db, &pending)?;
            total += pending.len();
            pending.clear();
        }
    }
    if !pending.is_empty() {
        flush(&mut db, &pending)?;
        total += pending.len();
    }
    db.close()?;
    println!("imported {total} stores");
    Ok(())
}
