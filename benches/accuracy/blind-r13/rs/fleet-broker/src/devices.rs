use mongodb::{
    bson::doc,
    sync::{Client, Collection},
};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Device {
    #[serde(rename = "_id")]
    pub id: String,
    pub site: String,
    pub max_temp_c: f64,
    pub alert_webhook: String,
}

pub struct DeviceRegistry {
    devices: Collection<Device>,
}

/// Device registry lives in the same cluster, `fleet.devices`.
pub fn registry() -> mongodb::error::Result<DeviceRegistry> {
    let uri = std::env::var("MONGO_URL").unwrap_or_else(|_| "mongodb://127.0.0.1:27017".into());
    let client = Client::with_uri_str(&uri)?;
    Ok(DeviceRegistry { devices: client.database("fleet").collection("devices") })
}

impl DeviceRegistry {
    pub fn find(&self, device_id: &str) -> mongodb::error::Result<Option<Device>> {
        self.devices.find_one(doc! { "_id": device_id }).run()
    }
}
