use std::sync::Arc;

use btleplug::api::{Peripheral as _, ValueNotification};
use btleplug::platform::Peripheral;
use futures::StreamExt;
use uuid::Uuid;

use crate::state::AppState;

pub const TEMP_SERVICE: Uuid = Uuid::from_u128(0x0000_181a_0000_1000_8000_0080_5f9b_34fb);
const TEMP_CHAR: Uuid = Uuid::from_u128(0x0000_2a6e_0000_1000_8000_0080_5f9b_34fb);
const ALARM_ABOVE_CENTI: i16 = -1500; // -15.00 °C

/// One task per discovered tag; loops over its notifications (one every few seconds).
pub async fn track(p: Peripheral, state: Arc<AppState>) -> anyhow::Result<()> {
    p.connect().await?;
    p.discover_services().await?;
    let ch = p
        .characteristics()
        .into_iter()
        .find(|c| c.uuid == TEMP_CHAR)
        .ok_or_else(|| anyhow::anyhow!("tag without temperature characteristic"))?;
    p.subscribe(&ch).await?;

    let tag_id = p.address().to_string();
    let mut notes = p.notifications().await?;
    while let Some(ValueNotification { value, .. }) = notes.next().await {
        if value.len() < 2 {
            continue;
        }
        let centi = i16::from_le_bytes([value[0], value[1]]);
        sqlx::query("INSERT INTO tag_readings (site, tag, centi_celsius, read_at) VALUES ($1, $2, $3, now())")
            .bind(&state.site)
            .bind(&tag_id)
            .bind(centi)
            .execute(&state.pool)
            .await?;

        if centi > ALARM_ABOVE_CENTI {
            state
                .http
                .post("https://alerts.coldchain.example/v1/excursions")
                .json(&serde_json::json!({ "site": state.site, "tag": tag_id, "centi": centi }))
                .send()
                .await?;
        }
    }
    p.disconnect().await?;
    Ok(())
}
