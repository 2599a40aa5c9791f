//! Shared code for `fg-logger` (long-running, one UDP datagram per sample)
//! and `fg-report` (one-off monthly report). Each binary is its own process
//! and opens its own pool through `db::connect`.
//!
//! FlightGear is started with
//! `--generic=socket,out,10,127.0.0.1,5500,udp,vaflightlog`
//! where Protocol/vaflightlog.xml emits, ten times a second, one line:
//! `elapsed_sec,lat,lon,alt_ft,airspeed_kt,wow,aircraft`
pub mod db;
pub mod flight;

#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub elapsed_sec: f64,
    pub lat: f64,
    pub lon: f64,
    pub alt_ft: f64,
    pub airspeed_kt: f64,
    pub on_ground: bool,
    pub aircraft: String,
}

impl Sample {
    /// Parses one line of the generic protocol output.
    pub fn parse(line: &str) -> Option<Sample> {
        let mut f = line.trim().split(',');
        Some(Sample {
            elapsed_sec: f.next()?.parse().ok()?,
            lat: f.next()?.parse().ok()?,
            lon: f.next()?.parse().ok()?,
            alt_ft: f.next()?.parse().ok()?,
            airspeed_kt: f.next()?.parse().ok()?,
            on_ground: f.next()? == "1",
            aircraft: f.next()?.to_string(),
        })
    }
}
