use serde::Serialize;
use tokio::sync::mpsc;

#[derive(Debug, Serialize)]
pub struct Reading {
    pub device_id: i64,
    pub sensor: String,
    pub value: f64,
}

/// Background worker: forwards every reading to the analytics collector.
pub async fn run(mut rx: mpsc::Receiver<Reading>) {
    let endpoint = std::env::var("COLLECTOR_URL")
        .unwrap_or_else(|_| "http://collector.internal:8080/v1/readings".to_string());

    while let Some(reading) = rx.recv().await {
        let http = reqwest::Client::new();
        if let Err(e) = http.post(&endpoint).json(&reading).send().await {
            eprintln!("forward failed for device {}: {e}", reading.device_id);
        }
    }
}
