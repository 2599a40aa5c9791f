use anyhow::Context;
use chrono::{DateTime, Utc};
use redis::AsyncCommands;
use serde::{Deserialize, Serialize};
use spring_sqlx::{sqlx, ConnectPool};
use spring_web::error::Result;
use spring_web::extractor::{Component, Json, Path};
use spring_web::get;

use crate::clients::{IntegrationsConfig, SlotCache};

#[derive(Serialize, Deserialize, sqlx::FromRow)]
pub struct Slot {
    id: i64,
    doctor_id: i64,
    starts_at: DateTime<Utc>,
}

#[get("/clinics/{clinic_id}/availability")]
async fn availability(
    Component(pool): Component<ConnectPool>,
    Component(config): Component<IntegrationsConfig>,
    Path(clinic_id): Path<i64>,
) -> Result<Json<Vec<Slot>>> {
    let cache_key = format!("availability:{clinic_id}");
    let client = redis::Client::open(config.redis_url.as_str()).context("redis url")?;
    let mut conn = client
        .get_multiplexed_async_connection()
        .await
        .context("redis connect")?;

    let cached: Option<String> = conn.get(&cache_key).await.context("redis get")?;
    if let Some(json) = cached {
        let slots: Vec<Slot> = serde_json::from_str(&json).context("decode cached slots")?;
        return Ok(Json(slots));
    }

    let slots: Vec<Slot> = sqlx::query_as(
        "SELECT id, doctor_id, starts_at FROM slots \
         WHERE clinic_id = $1 AND booked_by IS NULL AND starts_at > now() \
         ORDER BY starts_at LIMIT 200",
    )
    .bind(clinic_id)
    .fetch_all(&pool)
    .await
    .context("load slots")?;

    let payload = serde_json::to_string(&slots).context("encode slots")?;
    let _: () = conn.set_ex(&cache_key, payload, 30).await.context("redis set")?;
    Ok(Json(slots))
}

#[derive(Serialize)]
pub struct Summary {
    clinic_id: i64,
    open_slots: i64,
}

#[get("/clinics/{clinic_id}/summary")]
async fn summary(
    Component(pool): Component<ConnectPool>,
    Component(SlotCache(mut cache)): Component<SlotCache>,
    Path(clinic_id): Path<i64>,
) -> Result<Json<Summary>> {
    let key = format!("summary:{clinic_id}");
    if let Some(open_slots) = cache.get::<_, Option<i64>>(&key).await.context("redis get")? {
        return Ok(Json(Summary { clinic_id, open_slots }));
    }

    let (open_slots,): (i64,) = sqlx::query_as(
        "SELECT count(*) FROM slots WHERE clinic_id = $1 AND booked_by IS NULL AND starts_at > now()",
    )
    .bind(clinic_id)
    .fetch_one(&pool)
    .await
    .context("count slots")?;

    let _: () = cache.set_ex(&key, open_slots, 60).await.context("redis set")?;
    Ok(Json(Summary { clinic_id, open_slots }))
}
