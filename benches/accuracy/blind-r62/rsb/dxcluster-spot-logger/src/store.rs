use std::collections::HashSet;

use anyhow::Result;
use postgres::{Client, NoTls};

use crate::spot::{self, Spot};

/// Start-up only: read the club's wanted list, then hang up.
pub fn load_wanted(db_url: &str) -> Result<HashSet<String>> {
    let mut client = Client::connect(db_url, NoTls)?;
    let rows = client.query("SELECT prefix FROM wanted_prefixes WHERE active", &[])?;
    let wanted = rows
        .iter()
        .map(|r| r.get::<_, String>(0).to_uppercase())
        .collect();
    client.close()?;
    Ok(wanted)
}

/// Called for every spot the cluster sends (several per second during contests).
pub fn record(db_url: &str, spot: &Spot) -> Result<()> {
    let mut client = Client::connect(db_url, NoTls)?;
    client.execute(
        "INSERT INTO spots (spotter, freq_khz, band, dx_call, comment, spotted_utc) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
        &[
            &spot.spotter,
            &spot.freq_khz,
            &spot::band(spot.freq_khz),
            &spot.dx_call,
            &spot.comment,
            &spot.time_utc,
        ],
    )?;
    Ok(())
}
