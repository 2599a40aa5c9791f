//! VA flight log in Postgres. `connect` is called once, from main.

use std::thread::sleep;
use std::time::Duration;

use postgres::{Client, NoTls};

fn db_url() -> String {
    std::env::var("VA_DB_URL").unwrap_or_else(|_| {
        "host=db.flyvirtual.example user=acars password=acars dbname=va sslmode=disable".to_string()
    })
}

/// Home connections drop out; retry a few times before giving up.
pub fn connect() -> Result<Client, postgres::Error> {
    let mut attempt = 1;
    loop {
        match Client::connect(&db_url(), NoTls) {
            Ok(client) => break Ok(client),
            Err(e) if attempt < 5 => {
                eprintln!("database not reachable (attempt {attempt}): {e}");
                attempt += 1;
                sleep(Duration::from_secs(3));
            }
            Err(e) => break Err(e),
        }
    }
}

pub fn open_flight(db: &mut Client, pilot: i32, aircraft: &str, fuel_lb: f64) -> Result<i64, postgres::Error> {
    let row = db.query_one(
        "INSERT INTO flights (pilot_id, aircraft, block_fuel_lb, off_blocks_at)
         VALUES ($1, $2, $3, now()) RETURNING id",
        &[&pilot, &aircraft, &fuel_lb],
    )?;
    Ok(row.get(0))
}

pub fn track_point(db: &mut Client, flight: i64, lat: f64, lon: f64, alt_ft: f64, gs_kt: f64) -> Result<(), postgres::Error> {
    db.execute(
        "INSERT INTO flight_track (flight_id, lat, lon, alt_ft, gs_kt, ts) VALUES ($1, $2, $3, $4, $5, now())",
        &[&flight, &lat, &lon, &alt_ft, &gs_kt],
    )?;
    Ok(())
}

pub fn close_flight(db: &mut Client, flight: i64, fuel_lb: f64) -> Result<(), postgres::Error> {
    db.execute(
        "UPDATE flights SET on_blocks_at = now(), fuel_used_lb = block_fuel_lb - $2 WHERE id = $1",
        &[&flight, &fuel_lb],
    )?;
    Ok(())
}
