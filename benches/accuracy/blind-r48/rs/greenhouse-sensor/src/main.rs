mod recorder;

use std::time::{Duration, Instant};

use anyhow::anyhow;
use bme280::i2c::BME280;
use linux_embedded_hal::{Delay, I2cdev};
use serde_json::json;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use recorder::Recorder;

const SAMPLE_EVERY: Duration = Duration::from_secs(30);
const ROLLUP_EVERY: Duration = Duration::from_secs(3600);
const HUMIDITY_ALERT_PCT: f32 = 85.0;

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let house = std::env::var("GREENHOUSE_ID").unwrap_or_else(|_| "gh-1".to_string());
    let bus = std::env::var("I2C_BUS").unwrap_or_else(|_| "/dev/i2c-1".to_string());
    let alert_hook = std::env::var("ALERT_WEBHOOK").ok();

    let pool = PgPoolOptions::new()
        .max_connections(3)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    let mut recorder = Recorder::start(&pool, house.clone()).await?;

    let mut delay = Delay;
    let mut sensor = BME280::new_primary(I2cdev::new(&bus)?);
    sensor.init(&mut delay).map_err(|e| anyhow!("bme280 init failed: {e:?}"))?;

    let mut ticker = tokio::time::interval(SAMPLE_EVERY);
    let mut last_rollup = Instant::now();
    loop {
        ticker.tick().await;

        let m = match sensor.measure(&mut delay) {
            Ok(m) => m,
            Err(e) => {
                tracing::warn!("measurement failed: {e:?}");
                continue;
            }
        };
        recorder.store(m.temperature, m.humidity, m.pressure).await?;

        if m.humidity > HUMIDITY_ALERT_PCT {
            if let Some(hook) = &alert_hook {
                let alerts = reqwest::Client::new();
                let sent = alerts
                    .post(hook)
                    .json(&json!({
                        "house": house,
                        "humidity_pct": m.humidity,
                        "temperature_c": m.temperature,
                        "text": format!("{house}: humidity {:.0}% - check vents", m.humidity),
                    }))
                    .send()
                    .await;
                if let Err(err) = sent {
                    tracing::warn!(%err, "alert webhook failed");
                }
            }
        }

        if last_rollup.elapsed() >= ROLLUP_EVERY {
            if let Err(err) = rollup(&pool, &house).await {
                tracing::warn!(%err, "hourly rollup failed");
            }
            last_rollup = Instant::now();
        }
    }
}

async fn rollup(pool: &PgPool, house: &str) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "INSERT INTO readings_hourly (house, hour, avg_temperature_c, avg_humidity_pct, max_humidity_pct) \
         SELECT house, date_trunc('hour', taken_at), avg(temperature_c), avg(humidity_pct), max(humidity_pct) \
         FROM readings WHERE house = $1 AND taken_at < date_trunc('hour', now()) \
         GROUP BY 1, 2 ON CONFLICT (house, hour) DO NOTHING",
    )
    .bind(house)
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM readings WHERE house = $1 AND taken_at < now() - interval '7 days'")
        .bind(house)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}
