//! One-off: replays a raw capture file (one frame per line) into Postgres,
//! e.g. after the gateway was offline. Run by hand: `weather-replay capture.log`.

use std::fs::File;
use std::io::{BufRead, BufReader};

use anyhow::{Context, Result};
use serial_weather_gateway::{db, frame};

fn main() -> Result<()> {
    let path = std::env::args().nth(1).context("usage: weather-replay <capture.log>")?;
    let db_url = std::env::var("DATABASE_URL").context("DATABASE_URL must be set")?;

    let mut client = db::connect_with_retry(&db_url, 3)?;
    let mut tx = client.transaction()?;
    let (mut ok, mut bad, mut dup) = (0u64, 0u64, 0u64);
    for line in BufReader::new(File::open(&path)?).lines() {
        match frame::parse(&line?) {
            Ok(f) => match db::insert(&mut tx, &f)? {
                0 => dup += 1,
                _ => ok += 1,
            },
            Err(_) => bad += 1,
        }
    }
    tx.commit()?;
    client.close()?;

    println!("replayed {ok} frames ({dup} already present, {bad} unparsable)");
    Ok(())
}
