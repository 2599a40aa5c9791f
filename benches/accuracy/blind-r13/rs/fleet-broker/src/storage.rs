use mongodb::{
    bson::{doc, DateTime, Document},
    sync::{Client, Collection},
};

pub struct TelemetryStore {
    readings: Collection<Document>,
}

/// Opens the telemetry time-series collection.
pub fn open() -> mongodb::error::Result<TelemetryStore> {
    let uri = std::env::var("MONGO_URL").unwrap_or_else(|_| "mongodb://127.0.0.1:27017".into());
    let client = Client::with_uri_str(&uri)?;
    let readings = client.database("fleet").collection::<Document>("readings");
    Ok(TelemetryStore { readings })
}

impl TelemetryStore {
    pub fn insert(&self, site: &str, device_id: &str, temperature_c: f64, battery_pct: u8) -> mongodb::error::Result<()> {
        self.readings
            .insert_one(doc! {
                "ts": DateTime::now(),
                "meta": { "site": site, "device": device_id },
                "temperature_c": temperature_c,
                "battery_pct": battery_pct as i32,
            })
            .run()?;
        Ok(())
    }
}
