use std::collections::HashMap;
use std::sync::LazyLock;

use anyhow::Context;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use spring_sqlx::{sqlx, ConnectPool};
use spring_web::axum::http::StatusCode;
use spring_web::error::{KnownWebError, Result};
use spring_web::extractor::{Component, Json, Path};
use spring_web::post;
use sqlx::{Postgres, Transaction};
use tokio::sync::Mutex;
use uuid::Uuid;

use crate::clients::{self, IntegrationsConfig};

/// Slot holds waiting for the patient to confirm in the booking widget.
static HOLDS: LazyLock<Mutex<HashMap<Uuid, Transaction<'static, Postgres>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

#[derive(Deserialize)]
pub struct HoldRequest {
    slot_id: i64,
    patient_id: i64,
}

#[derive(Serialize)]
pub struct HoldResponse {
    hold_id: Uuid,
}

#[post("/appointments/hold")]
async fn hold_slot(
    Component(pool): Component<ConnectPool>,
    Json(body): Json<HoldRequest>,
) -> Result<Json<HoldResponse>> {
    let mut tx = pool.begin().await.context("begin hold")?;

    let free: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM slots WHERE id = $1 AND booked_by IS NULL FOR UPDATE NOWAIT")
            .bind(body.slot_id)
            .fetch_optional(&mut *tx)
            .await
            .context("lock slot")?;
    if free.is_none() {
        return Err(KnownWebError::conflict("slot already taken").into());
    }

    sqlx::query("UPDATE slots SET booked_by = $1, booked_at = now() WHERE id = $2")
        .bind(body.patient_id)
        .bind(body.slot_id)
        .execute(&mut *tx)
        .await
        .context("mark slot")?;

    // Keep the row lock until the patient presses "confirm" in the widget;
    // the transaction is committed by `confirm_hold`.
    let hold_id = Uuid::new_v4();
    HOLDS.lock().await.insert(hold_id, tx);
    Ok(Json(HoldResponse { hold_id }))
}

#[post("/appointments/hold/{hold_id}/confirm")]
async fn confirm_hold(Path(hold_id): Path<Uuid>) -> Result<StatusCode> {
    let held = HOLDS.lock().await.remove(&hold_id);
    match held {
        Some(tx) => {
            tx.commit().await.context("commit hold")?;
            Ok(StatusCode::NO_CONTENT)
        }
        None => Err(KnownWebError::not_found("hold expired or unknown").into()),
    }
}

#[post("/appointments/{id}/remind")]
async fn send_reminder(
    Component(pool): Component<ConnectPool>,
    Component(config): Component<IntegrationsConfig>,
    Path(id): Path<i64>,
) -> Result<StatusCode> {
    let (phone, starts_at): (String, DateTime<Utc>) = sqlx::query_as(
        "SELECT p.phone, s.starts_at FROM appointments a \
         JOIN patients p ON p.id = a.patient_id \
         JOIN slots s ON s.id = a.slot_id WHERE a.id = $1",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .context("load appointment")?;

    let sms = clients::sms_client();
    sms.post(&config.sms_url)
        .bearer_auth(&config.sms_token)
        .json(&serde_json::json!({
            "to": phone,
            "text": format!("Reminder: your appointment is at {}", starts_at.format("%d %b %H:%M")),
        }))
        .send()
        .await
        .context("sms relay unreachable")?
        .error_for_status()
        .context("sms relay rejected reminder")?;

    sqlx::query("UPDATE appointments SET reminded_at = now() WHERE id = $1")
        .bind(id)
        .execute(&pool)
        .await
        .context("mark reminded")?;
    Ok(StatusCode::ACCEPTED)
}
