//! Detects take-off and landing from the 10 Hz sample stream.
use crate::Sample;

#[derive(Debug, PartialEq)]
pub enum FlightEvent {
    Takeoff,
    Landing,
}

#[derive(Default)]
pub struct Tracker {
    airborne: bool,
    air_samples: u32,
    ground_samples: u32,
    pub flight_id: Option<i64>,
}

impl Tracker {
    /// Requires 3 s of consistent weight-on-wheels change so bounces on
    /// landing do not split a flight in two.
    pub fn update(&mut self, s: &Sample) -> Option<FlightEvent> {
        if s.on_ground {
            self.ground_samples += 1;
            self.air_samples = 0;
        } else {
            self.air_samples += 1;
            self.ground_samples = 0;
        }
        if !self.airborne && self.air_samples >= 30 && s.airspeed_kt > 40.0 {
            self.airborne = true;
            return Some(FlightEvent::Takeoff);
        }
        if self.airborne && self.ground_samples >= 30 && s.airspeed_kt < 40.0 {
            self.airborne = false;
            return Some(FlightEvent::Landing);
        }
        None
    }
}
