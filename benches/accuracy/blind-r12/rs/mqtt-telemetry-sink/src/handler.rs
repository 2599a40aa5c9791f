use diesel::prelude::*;
use diesel_async::pooled_connection::bb8::Pool;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use paho_mqtt as mqtt;
use serde::Deserialize;

use crate::schema::readings;

pub type DbPool = Pool<AsyncPgConnection>;

const OVERHEAT_CELSIUS: f64 = 85.0;

#[derive(Deserialize)]
struct Sample {
    metric: String,
    value: f64,
    ts_ms: i64,
}

#[derive(Insertable)]
#[diesel(table_name = readings)]
struct NewReading<'a> {
    device_id: &'a str,
    metric: &'a str,
    value: f64,
    recorded_at_ms: i64,
}

pub struct Handler {
    pub pool: DbPool,
    pub http: reqwest::Client,
    pub alert_url: String,
}

impl Handler {
    /// Called for every MQTT message. Borrows a pooled connection for the
    /// insert; it goes back to the pool when `conn` is dropped.
    pub async fn on_message(&self, msg: &mqtt::Message) -> anyhow::Result<()> {
        // topic layout: telemetry/<device_id>/<sensor>
        let device_id = msg
            .topic()
            .split('/')
            .nth(1)
            .ok_or_else(|| anyhow::anyhow!("unexpected topic {}", msg.topic()))?;
        let sample: Sample = serde_json::from_slice(msg.payload())?;

        {
            let mut conn = self.pool.get().await?;
            diesel::insert_into(readings::table)
                .values(&NewReading {
                    device_id,
                    metric: &sample.metric,
                    value: sample.value,
                    recorded_at_ms: sample.ts_ms,
                })
                .execute(&mut *conn)
                .await?;
        }

        if sample.metric == "temperature" && sample.value > OVERHEAT_CELSIUS {
            self.http
                .post(&self.alert_url)
                .json(&serde_json::json!({
                    "device_id": device_id,
                    "value": sample.value,
                    "ts_ms": sample.ts_ms,
                }))
                .send()
                .await?
                .error_for_status()?;
        }
        Ok(())
    }
}
