//! Track points written while airborne.

use postgres::{Client, NoTls};

use crate::config;

pub struct Telemetry {
    client: Client,
    station: i32,
    session_id: i64,
}

impl Telemetry {
    pub fn connect(station: i32) -> Result<Self, postgres::Error> {
        let mut client = Client::connect(&config::db_url(), NoTls)?;
        let row = client.query_one(
            "INSERT INTO sim_sessions (station_id, started_at) VALUES ($1, now()) RETURNING id",
            &[&station],
        )?;
        Ok(Telemetry {
            client,
            station,
            session_id: row.get(0),
        })
    }

    pub fn record(&mut self, lat: f64, lon: f64, alt_ft: f64, gs_kt: f32) -> Result<(), postgres::Error> {
        self.client.execute(
            "INSERT INTO track_points (session_id, station_id, lat, lon, alt_ft, gs_kt, ts)
             VALUES ($1, $2, $3, $4, $5, $6, now())",
            &[&self.session_id, &self.station, &lat, &lon, &alt_ft, &(gs_kt as f64)],
        )?;
        Ok(())
    }

    pub fn note_weather(&mut self, metar: &str) -> Result<(), postgres::Error> {
        self.client.execute(
            "UPDATE sim_sessions SET last_metar = $2 WHERE id = $1",
            &[&self.session_id, &metar],
        )?;
        Ok(())
    }
}
