use mysql::prelude::*;
use mysql::{Opts, Pool};

#[derive(Clone, Debug)]
pub struct Fence {
    pub id: u32,
    pub name: String,
    min_lat: i32,
    max_lat: i32,
    min_lon: i32,
    max_lon: i32,
}

/// Keeps the no-fly boxes in memory; positions are checked against the cache.
pub struct GeofenceChecker {
    pool: Pool,
    fences: Vec<Fence>,
}

impl GeofenceChecker {
    pub fn new(url: &str) -> Result<Self, mysql::Error> {
        let pool = Pool::new(Opts::from_url(url)?)?;
        let mut checker = Self { pool, fences: Vec::new() };
        checker.reload()?;
        Ok(checker)
    }

    pub fn reload(&mut self) -> Result<(), mysql::Error> {
        let mut conn = self.pool.get_conn()?;
        self.fences = conn.query_map(
            "SELECT id, name, min_lat_e7, max_lat_e7, min_lon_e7, max_lon_e7 \
             FROM geofences WHERE active = 1",
            |(id, name, min_lat, max_lat, min_lon, max_lon)| Fence {
                id,
                name,
                min_lat,
                max_lat,
                min_lon,
                max_lon,
            },
        )?;
        Ok(())
    }

    pub fn breached(&self, lat: i32, lon: i32) -> Option<Fence> {
        self.fences
            .iter()
            .find(|f| lat >= f.min_lat && lat <= f.max_lat && lon >= f.min_lon && lon <= f.max_lon)
            .cloned()
    }
}
