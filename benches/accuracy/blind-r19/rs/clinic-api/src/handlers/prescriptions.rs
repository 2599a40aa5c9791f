use anyhow::Context;
use serde::{Deserialize, Serialize};
use spring_sqlx::{sqlx, ConnectPool};
use spring_web::error::{KnownWebError, Result};
use spring_web::extractor::{Component, Json, Path};
use spring_web::get;

use crate::clients::PharmacyGateway;

#[derive(Serialize, Deserialize)]
pub struct PrescriptionStatus {
    reference: String,
    state: String,
    pharmacy: Option<String>,
}

#[get("/prescriptions/{id}/status")]
async fn prescription_status(
    Component(pool): Component<ConnectPool>,
    Component(gateway): Component<PharmacyGateway>,
    Path(id): Path<i64>,
) -> Result<Json<PrescriptionStatus>> {
    let reference: Option<(String,)> =
        sqlx::query_as("SELECT erx_reference FROM prescriptions WHERE id = $1")
            .bind(id)
            .fetch_optional(&pool)
            .await
            .context("load prescription")?;
    let Some((reference,)) = reference else {
        return Err(KnownWebError::not_found("no such prescription").into());
    };

    let status: PrescriptionStatus = gateway
        .http
        .get(format!("{}/prescriptions/{reference}", gateway.base_url))
        .send()
        .await
        .context("pharmacy gateway unreachable")?
        .error_for_status()
        .context("pharmacy gateway error")?
        .json()
        .await
        .context("decode pharmacy status")?;
    Ok(Json(status))
}
