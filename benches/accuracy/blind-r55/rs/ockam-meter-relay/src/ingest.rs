use std::time::Duration;

use ockam::errcode::{Kind, Origin};
use ockam::{Context, Error, Result, Routed, Worker};
use sqlx::postgres::PgPoolOptions;

use crate::messages::{Ack, MeterReading};

pub fn app_err<E>(e: E) -> Error
where
    E: std::error::Error + Send + Sync + 'static,
{
    Error::new(Origin::Application, Kind::Io, e)
}

/// Receives readings forwarded by the substation edge nodes over the TCP listener.
pub struct IngestWorker {
    pub database_url: String,
    pub alert_webhook: String,
    pub overload_kw: f64,
}

#[ockam::worker]
impl Worker for IngestWorker {
    type Context = Context;
    type Message = MeterReading;

    async fn handle_message(&mut self, ctx: &mut Context, msg: Routed<MeterReading>) -> Result<()> {
        let return_route = msg.return_route();
        let reading = msg.into_body()?;
        tracing::debug!(meter = %reading.meter_id, kw = reading.kw, "reading received");

        let pool = PgPoolOptions::new()
            .max_connections(5)
            .acquire_timeout(Duration::from_secs(3))
            .connect(&self.database_url)
            .await
            .map_err(app_err)?;

        sqlx::query(
            "INSERT INTO meter_readings (meter_id, substation, taken_at, kwh, kw) \
             VALUES ($1, $2, to_timestamp($3), $4, $5) \
             ON CONFLICT (meter_id, taken_at) DO NOTHING",
        )
        .bind(&reading.meter_id)
        .bind(&reading.substation)
        .bind(reading.taken_at as f64)
        .bind(reading.kwh)
        .bind(reading.kw)
        .execute(&pool)
        .await
        .map_err(app_err)?;

        if reading.kw > self.overload_kw {
            let http = reqwest::Client::builder()
                .timeout(Duration::from_secs(5))
                .build()
                .map_err(app_err)?;
            let alert = serde_json::json!({
                "text": format!(
                    "Meter {} at {} drawing {:.1} kW (limit {:.1})",
                    reading.meter_id, reading.substation, reading.kw, self.overload_kw
                ),
            });
            if let Err(e) = http.post(&self.alert_webhook).json(&alert).send().await {
                tracing::warn!(error = %e, "overload alert not delivered");
            }
        }

        ctx.send(
            return_route,
            Ack {
                meter_id: reading.meter_id,
                taken_at: reading.taken_at,
            },
        )
        .await
    }
}
