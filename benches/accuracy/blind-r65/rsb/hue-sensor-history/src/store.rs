use sqlx::PgPool;

pub enum Reading {
    Motion(bool),
    TemperatureC(f64),
    LightLevel(i64),
    Button(String),
}

pub async fn insert(
    pool: &PgPool,
    at: chrono::DateTime<chrono::Utc>,
    resource_id: &str,
    device: &str,
    reading: &Reading,
) -> Result<(), sqlx::Error> {
    let (kind, num, text): (&str, Option<f64>, Option<&str>) = match reading {
        Reading::Motion(m) => ("motion", Some(if *m { 1.0 } else { 0.0 }), None),
        Reading::TemperatureC(t) => ("temperature", Some(*t), None),
        Reading::LightLevel(l) => ("light_level", Some(*l as f64), None),
        Reading::Button(ev) => ("button", None, Some(ev.as_str())),
    };
    sqlx::query(
        "INSERT INTO hue_reading (at, resource_id, device, kind, num_value, text_value)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(at)
    .bind(resource_id)
    .bind(device)
    .bind(kind)
    .bind(num)
    .bind(text)
    .execute(pool)
    .await?;
    Ok(())
}
