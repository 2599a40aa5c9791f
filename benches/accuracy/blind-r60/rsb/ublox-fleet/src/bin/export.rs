//! One-off (cron, nightly): writes yesterday's trips to a CSV and exits.

use std::fs::File;
use std::io::{BufWriter, Write};

use anyhow::Context;
use fleet_gnss::db;

fn main() -> anyhow::Result<()> {
    let out = std::env::args().nth(1).context("usage: trip-export <out.csv>")?;
    let mut client = db::connect()?;

    let mut file = BufWriter::new(File::create(&out)?);
    let mut reader = client.copy_out(
        "COPY (SELECT vehicle_id, fix_time, lat, lon, speed_ms
               FROM positions
               WHERE fix_time >= current_date - 1 AND fix_time < current_date
               ORDER BY vehicle_id, fix_time)
         TO STDOUT WITH (FORMAT csv, HEADER)",
    )?;
    std::io::copy(&mut reader, &mut file)?;
    drop(reader);
    file.flush()?;

    client.close()?;
    Ok(())
}
