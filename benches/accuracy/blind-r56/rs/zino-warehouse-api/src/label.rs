//! Shipping labels: buy one from the carrier, archive the PDF in S3.

use crate::{clients, internal};
use aws_sdk_s3::primitives::ByteStream;
use serde::Deserialize;
use zino::{prelude::*, Request, Response, Result};

#[derive(Deserialize)]
struct CarrierLabel {
    tracking_number: String,
    label_pdf_base64: String,
}

pub async fn create(req: Request) -> Result {
    let shipment_id: Uuid = req.parse_param("id")?;

    let (address, weight_g): (serde_json::Value, i32) =
        sqlx::query_as("SELECT ship_to, weight_g FROM shipments WHERE id = $1")
            .bind(shipment_id)
            .fetch_one(clients::pg())
            .await
            .map_err(|e| internal(&req, e))?;

    let (carrier, base) = clients::connect_carrier();
    let label: CarrierLabel = carrier
        .post(format!("{base}/v1/labels"))
        .bearer_auth(std::env::var("CARRIER_API_KEY").unwrap_or_default())
        .json(&json!({ "reference": shipment_id, "to": address, "weight_grams": weight_g }))
        .send()
        .await
        .and_then(|r| r.error_for_status())
        .map_err(|e| internal(&req, e))?
        .json()
        .await
        .map_err(|e| internal(&req, e))?;

    use base64::Engine as _;
    let pdf = base64::engine::general_purpose::STANDARD
        .decode(&label.label_pdf_base64)
        .map_err(|e| internal(&req, e))?;
    let key = format!("labels/{shipment_id}.pdf");
    clients::s3()
        .await
        .put_object()
        .bucket(std::env::var("LABEL_BUCKET").unwrap_or_else(|_| "warehouse-labels".into()))
        .key(&key)
        .content_type("application/pdf")
        .body(ByteStream::from(pdf))
        .send()
        .await
        .map_err(|e| internal(&req, e))?;

    sqlx::query("UPDATE shipments SET tracking_number = $2, label_key = $3 WHERE id = $1")
        .bind(shipment_id)
        .bind(&label.tracking_number)
        .bind(&key)
        .execute(clients::pg())
        .await
        .map_err(|e| internal(&req, e))?;

    let mut res = Response::default().context(&req);
    res.set_json_data(json!({ "tracking_number": label.tracking_number, "label": key }));
    Ok(res.into())
}
