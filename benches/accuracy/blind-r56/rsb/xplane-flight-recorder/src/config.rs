//! Station configuration, read from the environment X-Plane was started with.

use std::env;

pub fn db_url() -> String {
    env::var("FLIGHTREC_DB_URL").unwrap_or_else(|_| {
        "host=db.aeroclub.lan user=flightrec password=flightrec dbname=clubops".to_string()
    })
}

pub fn station_id() -> i32 {
    env::var("FLIGHTREC_STATION")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
}

pub fn metar_api() -> String {
    env::var("FLIGHTREC_METAR_API")
        .unwrap_or_else(|_| "https://aviationweather.gov/api/data/metar".to_string())
}

/// Stations in the briefing room run without network access to the outside.
pub fn metar_enabled() -> bool {
    !matches!(
        env::var("FLIGHTREC_METAR").as_deref(),
        Ok("0") | Ok("off") | Ok("false")
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn default_station_is_one() {
        std::env::remove_var("FLIGHTREC_STATION");
        assert_eq!(super::station_id(), 1);
    }
}
