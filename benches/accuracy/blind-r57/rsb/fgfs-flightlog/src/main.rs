//! fg-logger: listens for FlightGear's generic-protocol datagrams and records
//! each flight (take-off to landing) in the virtual airline's database.
use std::env;

use anyhow::Result;
use chrono::Utc;
use tokio::net::UdpSocket;

use flightlog::flight::{FlightEvent, Tracker};
use flightlog::{db, Sample};

#[tokio::main]
async fn main() -> Result<()> {
    let url = env::var("VA_DATABASE_URL")?;
    let pilot = env::var("VA_PILOT_ID")?;
    let listen = env::var("FG_LISTEN").unwrap_or_else(|_| "127.0.0.1:5500".into());

    let pool = db::connect(&url).await?;
    let socket = UdpSocket::bind(&listen).await?;
    println!("fg-logger: waiting for FlightGear on {listen}");

    let mut tracker = Tracker::default();
    let mut buf = [0u8; 1024];
    loop {
        let len = tokio::select! {
            res = socket.recv(&mut buf) => res?,
            _ = tokio::signal::ctrl_c() => break,
        };
        let Ok(text) = std::str::from_utf8(&buf[..len]) else { continue };
        let Some(sample) = Sample::parse(text) else { continue };

        match tracker.update(&sample) {
            Some(FlightEvent::Takeoff) => {
                match db::open_flight(&pool, &pilot, &sample.aircraft, sample.lat, sample.lon).await {
                    Ok(id) => {
                        println!("take-off in {} (flight {id})", sample.aircraft);
                        tracker.flight_id = Some(id);
                    }
                    Err(err) => eprintln!("could not open flight: {err:#}"),
                }
            }
            Some(FlightEvent::Landing) => {
                let id = tracker.flight_id.take();
                if let Err(err) = db::close_flight(&pool, id, sample.lat, sample.lon, Utc::now()).await {
                    eprintln!("could not close flight: {err:#}");
                }
                println!("landed at {:.4},{:.4}", sample.lat, sample.lon);
            }
            None => {}
        }
    }
    pool.close().await;
    Ok(())
}
