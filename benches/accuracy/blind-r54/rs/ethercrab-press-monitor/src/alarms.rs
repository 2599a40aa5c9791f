//! Press fault alarms: persisted for the shift report and pushed to the
//! maintenance channel.

use std::sync::LazyLock;
use std::time::Duration;

use deadpool_postgres::{Config, Pool, Runtime};
use serde::Serialize;
use tokio_postgres::NoTls;

static ALARM_DB: LazyLock<Pool> = LazyLock::new(|| {
    let mut cfg = Config::new();
    cfg.url = Some(std::env::var("PRESS_DB_URL").expect("PRESS_DB_URL not set"));
    cfg.create_pool(Some(Runtime::Tokio1), NoTls).expect("alarm pool")
});

#[derive(Serialize)]
pub struct Alarm {
    pub press: usize,
    pub device: String,
    pub fault_bits: u16,
}

impl Alarm {
    pub fn new(press: usize, device: String, fault_bits: u16) -> Self {
        Self { press, device, fault_bits }
    }

    fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.fault_bits & 0b0001_0000 != 0 { parts.push("overload"); }
        if self.fault_bits & 0b0010_0000 != 0 { parts.push("light curtain"); }
        if self.fault_bits & 0b0100_0000 != 0 { parts.push("hydraulic pressure"); }
        if self.fault_bits & 0b1000_0000 != 0 { parts.push("die clamp"); }
        format!("press {} ({}): {}", self.press, self.device, parts.join(", "))
    }
}

pub async fn raise(alarm: Alarm) -> anyhow::Result<()> {
    let text = alarm.describe();

    let db = ALARM_DB.get().await?;
    db.execute(
        "INSERT INTO press_alarms (press, device, fault_bits, message) VALUES ($1, $2, $3, $4)",
        &[&(alarm.press as i16), &alarm.device, &(alarm.fault_bits as i32), &text],
    )
    .await?;

    let webhook = std::env::var("MAINTENANCE_WEBHOOK")?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;
    http.post(webhook)
        .json(&serde_json::json!({ "text": text, "alarm": alarm }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
