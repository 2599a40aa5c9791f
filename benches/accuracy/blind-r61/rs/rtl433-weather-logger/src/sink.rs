use futures::stream;
use influxdb2::models::DataPoint;
use influxdb2::Client;
use sqlx::PgPool;

use crate::Reading;

pub async fn write_influx(r: &Reading) -> anyhow::Result<()> {
    let url = std::env::var("INFLUX_URL").unwrap_or_else(|_| "http://influx.lan:8086".to_string());
    let token = std::env::var("INFLUX_TOKEN")?;
    let client = Client::new(url, "home", token);

    let mut point = DataPoint::builder("weather")
        .tag("sensor", r.sensor_key())
        .tag("model", r.model.clone())
        .timestamp(r.time * 1_000_000_000);
    if let Some(t) = r.temperature_C {
        point = point.field("temperature_c", t);
    }
    if let Some(h) = r.humidity {
        point = point.field("humidity", h);
    }
    if let Some(w) = r.wind_avg_km_h {
        point = point.field("wind_avg_kmh", w);
    }
    if let Some(mm) = r.rain_mm {
        point = point.field("rain_mm", mm);
    }
    client.write("weather", stream::iter(vec![point.build()?])).await?;
    Ok(())
}

pub async fn remember_sensor(pool: &PgPool, r: &Reading) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sensors (sensor_key, model, last_seen, battery_ok) \
         VALUES ($1, $2, to_timestamp($3), $4) \
         ON CONFLICT (sensor_key) DO UPDATE SET last_seen = EXCLUDED.last_seen, \
         battery_ok = EXCLUDED.battery_ok",
    )
    .bind(r.sensor_key())
    .bind(&r.model)
    .bind(r.time as f64)
    .bind(r.battery_ok.map(|b| b == 1))
    .execute(pool)
    .await?;
    Ok(())
}
