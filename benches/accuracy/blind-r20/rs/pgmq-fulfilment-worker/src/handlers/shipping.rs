use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::WorkerState;

#[derive(Serialize)]
struct LabelRequest {
    reference: String,
    parcels: u32,
    weight_grams: u32,
}

#[derive(Deserialize)]
pub struct Label {
    pub tracking_no: String,
    pub pdf_url: String,
}

fn carrier_token() -> String {
    std::env::var("CARRIER_TOKEN").unwrap_or_default()
}

pub async fn create_label(
    state: &WorkerState,
    order_id: i64,
    parcels: u32,
    weight_grams: u32,
) -> anyhow::Result<Label> {
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .user_agent("fulfilment-worker/0.3")
        .build()?;

    let label = http
        .post(format!("{}/v2/labels", state.carrier_base))
        .bearer_auth(carrier_token())
        .json(&LabelRequest { reference: format!("ORD-{order_id}"), parcels, weight_grams })
        .send()
        .await?
        .error_for_status()?
        .json::<Label>()
        .await?;
    tracing::info!(order_id, pdf = %label.pdf_url, "label created");
    Ok(label)
}

pub async fn void_label(state: &WorkerState, order_id: i64) -> anyhow::Result<()> {
    let tracking: Option<String> =
        sqlx::query_scalar("SELECT tracking_no FROM orders WHERE id = $1")
            .bind(order_id)
            .fetch_optional(&state.pool)
            .await?
            .flatten();
    let Some(tracking) = tracking else { return Ok(()) };

    reqwest::Client::new()
        .delete(format!("{}/v2/labels/{tracking}", state.carrier_base))
        .bearer_auth(carrier_token())
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
