use serde_json::{json, Value};
use shipping_fns::{carriers, db};
use url::Url;
use vercel_runtime::{run, Body, Error, Request, Response, StatusCode};

#[tokio::main]
async fn main() -> Result<(), Error> {
    run(handler).await
}

fn reply(status: StatusCode, body: Value) -> Result<Response<Body>, Error> {
    Ok(Response::builder()
        .status(status)
        .header("Content-Type", "application/json")
        .body(body.to_string().into())?)
}

/// GET /api/track?shipment=...
pub async fn handler(req: Request) -> Result<Response<Body>, Error> {
    let url = Url::parse(&req.uri().to_string())?;
    let Some(shipment) = url.query_pairs().find(|(k, _)| k == "shipment").map(|(_, v)| v.into_owned()) else {
        return reply(StatusCode::BAD_REQUEST, json!({ "error": "shipment is required" }));
    };

    let pool = db::pool().await?;
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT carrier, tracking_number FROM shipments WHERE public_id = $1")
            .bind(&shipment)
            .fetch_optional(pool)
            .await?;
    let Some((carrier, tracking_number)) = row else {
        return reply(StatusCode::NOT_FOUND, json!({ "error": "unknown shipment" }));
    };

    let events: Value = carriers::client_for(&carrier)
        .get(format!("{}/v1/track/{tracking_number}", carriers::base_url(&carrier)))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;

    sqlx::query("UPDATE shipments SET last_checked_at = now() WHERE public_id = $1")
        .bind(&shipment)
        .execute(pool)
        .await?;

    reply(StatusCode::OK, json!({ "shipment": shipment, "carrier": carrier, "events": events }))
}
