//! Every barcode read from the tunnel scanner becomes a `ParcelScanned` event; a `Tick`
//! is sent once a second. Handlers run synchronously inside `world.send`.

mod db;
mod handlers;

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::Context;
use evenio::prelude::*;

use handlers::{ParcelScanned, Plc, SortStats, Tick};

fn main() -> anyhow::Result<()> {
    let pool = db::connect_with_retry(std::env::var("SORT_DB_URL").context("SORT_DB_URL")?)?;
    let plc = TcpStream::connect(std::env::var("PLC_ADDR").context("PLC_ADDR")?)?;
    let scanner = TcpStream::connect(std::env::var("SCANNER_ADDR").context("SCANNER_ADDR")?)?;

    let mut world = World::new();
    let shared = world.spawn();
    world.insert(shared, db::RoutingDb(pool));
    world.insert(shared, Plc(plc));
    world.insert(shared, SortStats::default());

    world.add_handler(handlers::route_parcel);
    world.add_handler(handlers::flush_stats);

    // Scanner lines arrive on their own thread; the world stays on this one.
    let (tx, rx) = mpsc::channel::<String>();
    thread::spawn(move || {
        for line in BufReader::new(scanner).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });

    let mut last_tick = Instant::now();
    loop {
        match rx.recv_timeout(Duration::from_millis(250)) {
            Ok(line) => {
                if let Some(scan) = ParcelScanned::parse(&line) {
                    world.send(scan);
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => anyhow::bail!("scanner connection closed"),
        }
        if last_tick.elapsed() >= Duration::from_secs(1) {
            world.send(Tick);
            last_tick = Instant::now();
        }
    }
}
