//! One-off backfill: `geocode-backfill stores.csv`
//! Geocodes every store address and writes lat/lon back to Postgres.

mod geocode;

use std::env;
use std::thread;
use std::time::Duration;

use crossbeam_channel::bounded;
use postgres::{Client, NoTls};
use rayon::prelude::*;

const WRITERS: usize = 4;

fn main() -> anyhow::Result<()> {
    let path = env::args().nth(1).ok_or_else(|| anyhow::anyhow!("usage: geocode-backfill <csv>"))?;
    let database_url = env::var("DATABASE_URL")?;
    let geocoder = env::var("GEOCODER_URL").unwrap_or_else(|_| "https://nominatim.example.org".into());

    let rows: Vec<geocode::Row> = csv::Reader::from_path(&path)?
        .deserialize()
        .collect::<Result<_, _>>()?;

    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(10))
        .max_idle_connections_per_host(16)
        .build();

    let (tx, rx) = bounded::<geocode::Located>(256);

    // Fixed set of writer threads; each owns one connection for the whole run.
    let writers: Vec<_> = (0..WRITERS)
        .map(|n| {
            let rx = rx.clone();
            let url = database_url.clone();
            thread::spawn(move || -> anyhow::Result<u64> {
                let mut client = Client::connect(&url, NoTls)?;
                let stmt = client.prepare("UPDATE stores SET lat = $2, lon = $3 WHERE id = $1")?;
                let mut written = 0;
                for loc in rx.iter() {
                    client.execute(&stmt, &[&loc.store_id, &loc.lat, &loc.lon])?;
                    written += 1;
                }
                client.close()?;
                eprintln!("writer {n}: {written} rows");
                Ok(written)
            })
        })
        .collect();
    drop(rx);

    rows.par_iter()
        .filter_map(|row| geocode::lookup(&agent, &geocoder, row))
        .for_each_with(tx, |tx, loc| {
            tx.send(loc).expect("writers hung up");
        });

    let mut total = 0;
    for w in writers {
        total += w.join().expect("writer panicked")?;
    }
    eprintln!("done: {total} of {} stores geocoded", rows.len());
    Ok(())
}
