//! Runs next to Microsoft Flight Simulator on the pilot's PC. SimConnect
//! delivers one `Notification::Object` per second with the aircraft state;
//! everything below the dispatch loop reuses the clients built here.

mod acars;
mod store;

use std::thread::sleep;
use std::time::{Duration, Instant};

use simconnect_sdk::{Notification, SimConnect, SimConnectObject};

#[derive(Debug, Clone, SimConnectObject)]
#[simconnect(period = "second")]
struct AircraftState {
    #[simconnect(name = "TITLE")]
    title: String,
    #[simconnect(name = "PLANE LATITUDE", unit = "degrees")]
    lat: f64,
    #[simconnect(name = "PLANE LONGITUDE", unit = "degrees")]
    lon: f64,
    #[simconnect(name = "PLANE ALTITUDE", unit = "feet")]
    alt_ft: f64,
    #[simconnect(name = "GROUND VELOCITY", unit = "knots")]
    gs_kt: f64,
    #[simconnect(name = "FUEL TOTAL QUANTITY WEIGHT", unit = "pounds")]
    fuel_lb: f64,
    #[simconnect(name = "SIM ON GROUND")]
    on_ground: bool,
}

/// MSFS may not be running yet when the ACARS client starts.
fn wait_for_sim() -> SimConnect {
    loop {
        match SimConnect::new("VA ACARS") {
            Ok(sim) => break sim,
            Err(_) => {
                println!("waiting for Flight Simulator...");
                sleep(Duration::from_secs(5));
            }
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pilot_id: i32 = std::env::var("VA_PILOT_ID")?.parse()?;
    let mut db = store::connect()?;
    let acars = acars::Acars::new(pilot_id)?;

    let mut sim = wait_for_sim();
    let mut flight: Option<i64> = None;
    let mut last_report = Instant::now() - Duration::from_secs(60);

    loop {
        match sim.get_next_dispatch()? {
            Some(Notification::Open) => {
                sim.register_object::<AircraftState>()?;
            }
            Some(Notification::Object(data)) => {
                let Ok(state) = AircraftState::try_from(&data) else { continue };

                match (flight, state.on_ground) {
                    (None, false) => {
                        flight = Some(store::open_flight(&mut db, pilot_id, &state.title, state.fuel_lb)?);
                    }
                    (Some(id), true) if state.gs_kt < 30.0 => {
                        store::close_flight(&mut db, id, state.fuel_lb)?;
                        acars.flight_closed(id);
                        flight = None;
                    }
                    _ => {}
                }

                if let Some(id) = flight {
                    store::track_point(&mut db, id, state.lat, state.lon, state.alt_ft, state.gs_kt)?;
                    if last_report.elapsed() >= Duration::from_secs(30) {
                        acars.position(id, state.lat, state.lon, state.alt_ft, state.gs_kt);
                        last_report = Instant::now();
                    }
                }
            }
            Some(Notification::Quit) => {
                println!("Flight Simulator closed");
                break;
            }
            _ => {}
        }
        sleep(Duration::from_millis(50));
    }

    db.close()?;
    Ok(())
}
