use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Store {
    pub id: String,
    pub name: String,
    pub city: String,
    pub lat: f64,
    pub lon: f64,
    #[serde(default)]
    pub open_now: bool,
}

#[derive(Debug, Serialize)]
pub struct NearbyStore {
    #[serde(flatten)]
    pub store: Store,
    pub distance_km: f64,
}

fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let r = 6371.0_f64;
    let d_lat = (lat2 - lat1).to_radians();
    let d_lon = (lon2 - lon1).to_radians();
    let a = (d_lat / 2.0).sin().powi(2)
        + lat1.to_radians().cos() * lat2.to_radians().cos() * (d_lon / 2.0).sin().powi(2);
    2.0 * r * a.sqrt().asin()
}

pub fn nearest(stores: Vec<Store>, lat: f64, lon: f64, limit: usize) -> Vec<NearbyStore> {
    let mut with_distance: Vec<NearbyStore> = stores
        .into_iter()
        .map(|store| {
            let distance_km = haversine_km(lat, lon, store.lat, store.lon);
            NearbyStore { store, distance_km }
        })
        .collect();
    with_distance.sort_by(|a, b| a.distance_km.total_cmp(&b.distance_km));
    with_distance.truncate(limit);
    with_distance
}
