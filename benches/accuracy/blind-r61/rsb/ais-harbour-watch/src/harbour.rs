//! Berth visits: a visit opens when a vessel's position enters the harbour
//! geofence and closes when it is seen outside again.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use deadpool_postgres::{Object, Pool};

pub struct Geofence {
    lat_min: f64,
    lat_max: f64,
    lon_min: f64,
    lon_max: f64,
}

impl Geofence {
    pub fn from_env() -> anyhow::Result<Self> {
        let raw = std::env::var("HARBOUR_BBOX").unwrap_or_else(|_| "53.860,53.885,8.680,8.730".into());
        let v: Vec<f64> = raw.split(',').map(str::parse).collect::<Result<_, _>>()?;
        anyhow::ensure!(v.len() == 4, "HARBOUR_BBOX needs lat_min,lat_max,lon_min,lon_max");
        Ok(Geofence { lat_min: v[0], lat_max: v[1], lon_min: v[2], lon_max: v[3] })
    }

    fn contains(&self, lat: f64, lon: f64) -> bool {
        (self.lat_min..=self.lat_max).contains(&lat) && (self.lon_min..=self.lon_max).contains(&lon)
    }
}

struct Visit {
    conn: Object,
    visit_id: i64,
    last_write: Instant,
}

pub struct HarbourWatch {
    pool: Pool,
    fence: Geofence,
    in_port: HashMap<u32, Visit>,
}

impl HarbourWatch {
    pub fn new(pool: Pool, fence: Geofence) -> Self {
        HarbourWatch { pool, fence, in_port: HashMap::new() }
    }

    pub async fn on_position(&mut self, mmsi: u32, lat: f64, lon: f64, sog: Option<f64>) -> anyhow::Result<()> {
        let inside = self.fence.contains(lat, lon);
        match (inside, self.in_port.contains_key(&mmsi)) {
            (true, false) => {
                // arrival: keep this connection with the visit for its berth updates
                let conn = self.pool.get().await?;
                let row = conn
                    .query_one(
                        "INSERT INTO harbour_visits (mmsi, arrived_at) VALUES ($1, now()) RETURNING id",
                        &[&(mmsi as i64)],
                    )
                    .await?;
                self.in_port.insert(mmsi, Visit { conn, visit_id: row.get(0), last_write: Instant::now() });
                tracing::info!(mmsi, "vessel arrived");
            }
            (true, true) => {
                let visit = self.in_port.get_mut(&mmsi).expect("checked above");
                if visit.last_write.elapsed() > Duration::from_secs(60) {
                    visit
                        .conn
                        .execute(
                            "UPDATE harbour_visits SET last_lat = $2, last_lon = $3, last_sog = $4, \
                             updated_at = now() WHERE id = $1",
                            &[&visit.visit_id, &lat, &lon, &sog],
                        )
                        .await?;
                    visit.last_write = Instant::now();
                }
            }
            (false, true) => {
                let visit = self.in_port.remove(&mmsi).expect("checked above");
                visit
                    .conn
                    .execute("UPDATE harbour_visits SET departed_at = now() WHERE id = $1", &[&visit.visit_id])
                    .await?;
                tracing::info!(mmsi, "vessel departed");
            }
            (false, false) => {}
        }
        Ok(())
    }
}
