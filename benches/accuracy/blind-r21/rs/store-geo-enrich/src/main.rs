//! One-off enrichment run, executed by hand from a laptop:
//!
//!   store-geo-enrich --sqlite stores.sqlite3 --pg "$CATALOGUE_URL"
//!
//! 1. registers a `geocode(address)` SQL function on the SQLite export,
//! 2. fills the missing coordinates with a single UPDATE,
//! 3. copies the coordinates into the catalogue Postgres database.

mod geocode;

use std::time::Duration;

use anyhow::Context;
use postgres::{Client, NoTls};
use rusqlite::Connection;

struct Args {
    sqlite: String,
    pg: String,
    dry_run: bool,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut args = pico_args::Arguments::from_env();
    Ok(Args {
        sqlite: args.value_from_str("--sqlite")?,
        pg: args.value_from_str("--pg")?,
        dry_run: args.contains("--dry-run"),
    })
}

fn main() -> anyhow::Result<()> {
    let args = parse_args()?;
    let api_key = std::env::var("GEOCODER_API_KEY").context("GEOCODER_API_KEY")?;

    // One HTTP client for the whole run; the SQL function closes over it.
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(15))
        .build()?;

    let sqlite = Connection::open(&args.sqlite)?;
    geocode::register(&sqlite, http, api_key)?;

    let filled = sqlite.execute(
        "UPDATE stores SET lat = json_extract(geo, '$.lat'), lon = json_extract(geo, '$.lon') \
         FROM (SELECT id AS gid, geocode(street || ', ' || zip || ' ' || city || ', ' || country) AS geo \
               FROM stores WHERE lat IS NULL) AS g \
         WHERE stores.id = g.gid AND g.geo IS NOT NULL",
        [],
    )?;
    println!("geocoded {filled} stores");

    if args.dry_run {
        println!("dry run: not touching the catalogue database");
        return Ok(());
    }

    let mut pg = Client::connect(&args.pg, NoTls).context("catalogue database")?;
    let copied = copy_coordinates(&sqlite, &mut pg)?;
    pg.close()?;
    println!("updated {copied} stores in the catalogue");
    Ok(())
}

fn copy_coordinates(sqlite: &Connection, pg: &mut Client) -> anyhow::Result<u64> {
    let mut stmt = sqlite.prepare("SELECT store_code, lat, lon FROM stores WHERE lat IS NOT NULL")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, f64>(1)?, r.get::<_, f64>(2)?)))?
        .collect::<Result<Vec<_>, _>>()?;

    let mut tx = pg.transaction()?;
    let update = tx.prepare("UPDATE stores SET latitude = $2, longitude = $3 WHERE code = $1 AND latitude IS NULL")?;
    let mut copied = 0;
    for (code, lat, lon) in &rows {
        copied += tx.execute(&update, &[code, lat, lon])?;
    }
    tx.commit()?;
    Ok(copied)
}
