use std::time::Duration;

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Vehicle {
    pub id: String,
    pub battery: f32,
    pub state: String,
}

/// Cheap-to-clone handle: reqwest::Client is an Arc around one pool.
#[derive(Clone)]
pub struct FleetApi {
    http: reqwest::Client,
    base: String,
}

/// Called once from `Monitor::new`.
pub fn connect() -> FleetApi {
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .user_agent("fleet-monitor/0.1")
        .build()
        .expect("reqwest client");
    FleetApi {
        http,
        base: std::env::var("FLEET_API").unwrap_or_else(|_| "http://fleet.internal/api".to_owned()),
    }
}

impl FleetApi {
    pub async fn list_vehicles(self) -> Result<Vec<Vehicle>, String> {
        self.http
            .get(format!("{}/vehicles", self.base))
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .map_err(|e| e.to_string())?
            .json::<Vec<Vehicle>>()
            .await
            .map_err(|e| e.to_string())
    }

    pub async fn recall(self, id: String) -> Result<String, String> {
        self.http
            .post(format!("{}/vehicles/{id}/recall", self.base))
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .map_err(|e| e.to_string())?;
        Ok(id)
    }
}
