//! Process 2: every 30 s, checks each truck's latest fix against the yard
//! fence and notifies dispatch when a truck leaves or re-enters.

use std::thread;
use std::time::Duration;

use diesel::prelude::*;
use diesel::sql_types::{Double, Text};
use fleet::schema::geofence_state;
use serde::Serialize;

#[derive(QueryableByName)]
struct LastFix {
    #[diesel(sql_type = Text)]
    vehicle_id: String,
    #[diesel(sql_type = Double)]
    lat: f64,
    #[diesel(sql_type = Double)]
    lon: f64,
}

#[derive(Serialize)]
struct FenceEvent<'a> {
    vehicle_id: &'a str,
    inside: bool,
    lat: f64,
    lon: f64,
}

const YARD_CENTER: (f64, f64) = (47.4502, 8.5621);
const YARD_RADIUS_M: f64 = 650.0;

fn distance_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dlat, dlon) = ((b.0 - a.0).to_radians(), (b.1 - a.1).to_radians());
    let h = (dlat / 2.0).sin().powi(2)
        + a.0.to_radians().cos() * b.0.to_radians().cos() * (dlon / 2.0).sin().powi(2);
    2.0 * 6_371_000.0 * h.sqrt().asin()
}

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let pool = fleet::db::make_pool(2)?;
    let dispatch_url = std::env::var("DISPATCH_WEBHOOK_URL")?;
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;

    loop {
        thread::sleep(Duration::from_secs(30));
        let mut conn = pool.get()?;
        let fixes: Vec<LastFix> = diesel::sql_query(
            "SELECT DISTINCT ON (vehicle_id) vehicle_id, lat, lon FROM positions
             WHERE recorded_at > now() - interval '10 minutes'
             ORDER BY vehicle_id, recorded_at DESC",
        )
        .load(&mut conn)?;

        for fix in fixes {
            let inside = distance_m(YARD_CENTER, (fix.lat, fix.lon)) <= YARD_RADIUS_M;
            let previous: Option<bool> = geofence_state::table
                .find(&fix.vehicle_id)
                .select(geofence_state::inside)
                .first(&mut conn)
                .optional()?;
            if previous == Some(inside) {
                continue;
            }
            diesel::insert_into(geofence_state::table)
                .values((geofence_state::vehicle_id.eq(&fix.vehicle_id), geofence_state::inside.eq(inside)))
                .on_conflict(geofence_state::vehicle_id)
                .do_update()
                .set(geofence_state::inside.eq(inside))
                .execute(&mut conn)?;
            if previous.is_some() {
                let event = FenceEvent { vehicle_id: &fix.vehicle_id, inside, lat: fix.lat, lon: fix.lon };
                if let Err(e) = http.post(&dispatch_url).json(&event).send() {
                    log::warn!("dispatch not notified for {}: {e}", fix.vehicle_id);
                }
            }
        }
    }
}
