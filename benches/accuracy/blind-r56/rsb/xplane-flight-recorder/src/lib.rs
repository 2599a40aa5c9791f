//! Flight recorder plugin for the flying club's X-Plane stations.
//!
//! Built as `win.xpl` / `lin.xpl` and dropped into
//! `Resources/plugins/FlightRecorder/64/`. X-Plane calls our flight loop
//! callback once a second for the whole session.

mod config;
mod logbook;
mod telemetry;
mod weather;

use std::fmt;
use std::time::Duration;

use xplm::data::borrowed::{DataRef, FindError};
use xplm::data::{DataRead, ReadOnly};
use xplm::flight_loop::{FlightLoop, LoopState};
use xplm::plugin::{Plugin, PluginInfo};
use xplm::{debugln, xplm_plugin};

use logbook::Logbook;
use telemetry::Telemetry;

struct SimRefs {
    lat: DataRef<f64, ReadOnly>,
    lon: DataRef<f64, ReadOnly>,
    elevation_m: DataRef<f64, ReadOnly>,
    groundspeed_ms: DataRef<f32, ReadOnly>,
    on_ground: DataRef<i32, ReadOnly>,
}

impl SimRefs {
    fn find() -> Result<Self, FindError> {
        Ok(SimRefs {
            lat: DataRef::find("sim/flightmodel/position/latitude")?,
            lon: DataRef::find("sim/flightmodel/position/longitude")?,
            elevation_m: DataRef::find("sim/flightmodel/position/elevation")?,
            groundspeed_ms: DataRef::find("sim/flightmodel/position/groundspeed")?,
            on_ground: DataRef::find("sim/flightmodel/failures/onground_any")?,
        })
    }
}

struct Recorder {
    sim: SimRefs,
    telemetry: Telemetry,
    logbook: Logbook,
    airborne: bool,
    seconds_since_wx: f32,
}

impl Recorder {
    fn tick(&mut self, state: &mut LoopState) {
        let lat = self.sim.lat.get();
        let lon = self.sim.lon.get();
        let alt_ft = self.sim.elevation_m.get() * 3.28084;
        let gs_kt = self.sim.groundspeed_ms.get() * 1.94384;
        let on_ground = self.sim.on_ground.get() != 0;

        if !on_ground && !self.airborne {
            self.airborne = true;
            if let Err(e) = self.logbook.takeoff(lat, lon) {
                debugln!("flight-recorder: logbook takeoff failed: {}", e);
            }
        } else if on_ground && self.airborne && gs_kt < 40.0 {
            self.airborne = false;
            if let Err(e) = self.logbook.landing(lat, lon) {
                debugln!("flight-recorder: logbook landing failed: {}", e);
            }
        }

        if self.airborne {
            if let Err(e) = self.telemetry.record(lat, lon, alt_ft, gs_kt) {
                debugln!("flight-recorder: track point dropped: {}", e);
            }
        }

        self.seconds_since_wx += state.since_last_call().as_secs_f32();
        if self.airborne && config::metar_enabled() && self.seconds_since_wx >= 60.0 {
            self.seconds_since_wx = 0.0;
            match weather::nearest_metar(lat, lon) {
                Ok(Some(metar)) => {
                    let _ = self.telemetry.note_weather(&metar);
                }
                Ok(None) => {}
                Err(e) => debugln!("flight-recorder: metar fetch failed: {}", e),
            }
        }
    }
}

#[derive(Debug)]
enum StartError {
    Db(postgres::Error),
    DataRef(FindError),
}

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StartError::Db(e) => write!(f, "database: {e}"),
            StartError::DataRef(e) => write!(f, "dataref: {e}"),
        }
    }
}

impl std::error::Error for StartError {}

impl From<postgres::Error> for StartError {
    fn from(e: postgres::Error) -> Self {
        StartError::Db(e)
    }
}

impl From<FindError> for StartError {
    fn from(e: FindError) -> Self {
        StartError::DataRef(e)
    }
}

struct FlightRecorderPlugin {
    flight_loop: FlightLoop,
}

impl Plugin for FlightRecorderPlugin {
    type Error = StartError;

    fn start() -> Result<Self, Self::Error> {
        let mut recorder = Recorder {
            sim: SimRefs::find()?,
            telemetry: Telemetry::connect(config::station_id())?,
            logbook: Logbook::open(config::station_id())?,
            airborne: false,
            seconds_since_wx: 0.0,
        };
        let flight_loop = FlightLoop::new(move |state: &mut LoopState| recorder.tick(state));
        Ok(FlightRecorderPlugin { flight_loop })
    }

    fn enable(&mut self) -> Result<(), Self::Error> {
        self.flight_loop.schedule_after(Duration::from_secs(1));
        Ok(())
    }

    fn disable(&mut self) {
        self.flight_loop.deactivate();
    }

    fn info(&self) -> PluginInfo {
        PluginInfo {
            name: String::from("Flight Recorder"),
            signature: String::from("club.aeroclub.flightrecorder"),
            description: String::from("Track points and logbook to the club database"),
        }
    }
}

xplm_plugin!(FlightRecorderPlugin);
