use std::time::Duration;

use crate::Reading;

/// Pushes a low-battery notice to ntfy. Sensors keep reporting
/// `battery_ok: 0` on every packet until the cells are swapped.
pub async fn low_battery(r: &Reading) {
    let topic = std::env::var("NTFY_TOPIC_URL").unwrap_or_else(|_| "https://ntfy.sh/acme-garden".to_string());
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("reqwest client");
    let res = http
        .post(topic)
        .header("Title", "Sensor battery low")
        .body(format!("{} reports a low battery", r.sensor_key()))
        .send()
        .await;
    if let Err(e) = res {
        eprintln!("ntfy push failed: {e}");
    }
}
