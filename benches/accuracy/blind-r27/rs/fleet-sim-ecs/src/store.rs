//! Operational fleet store (MongoDB). Built once in main and inserted into the world.

use mongodb::bson::{doc, Document};
use mongodb::sync::{Client, Collection};
use serde::Deserialize;

pub struct Store {
    pub positions: Collection<Document>,
    vehicles: Collection<VehicleRow>,
}

#[derive(Debug, Deserialize)]
pub struct VehicleRow {
    pub id: String,
    pub depot: String,
    pub lat: f64,
    pub lon: f64,
    #[serde(default)]
    pub dlat: f64,
    #[serde(default)]
    pub dlon: f64,
}

pub fn mongo_uri() -> String {
    std::env::var("FLEET_MONGO_URI").unwrap_or_else(|_| "mongodb://fleet-db:27017/?replicaSet=rs0".into())
}

impl Store {
    pub fn connect() -> mongodb::error::Result<Self> {
        let client = Client::with_uri_str(mongo_uri())?;
        let db = client.database("fleet");
        Ok(Self {
            positions: db.collection("positions"),
            vehicles: db.collection("vehicles"),
        })
    }

    pub fn active_vehicles(&self) -> mongodb::error::Result<Vec<VehicleRow>> {
        self.vehicles
            .find(doc! { "active": true })
            .run()?
            .collect()
    }
}
