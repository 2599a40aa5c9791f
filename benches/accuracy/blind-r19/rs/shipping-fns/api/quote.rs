use serde::Deserialize;
use serde_json::{json, Value};
use shipping_fns::{carriers, db};
use vercel_runtime::{run, Body, Error, Request, RequestPayloadExt, Response, StatusCode};

#[derive(Deserialize)]
struct QuoteRequest {
    carrier: String,
    postcode: String,
    weight_grams: i32,
}

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

/// POST /api/quote
pub async fn handler(req: Request) -> Result<Response<Body>, Error> {
    let Some(q) = req.payload::<QuoteRequest>()? else {
        return reply(StatusCode::BAD_REQUEST, json!({ "error": "missing body" }));
    };
    if !carriers::KNOWN.contains(&q.carrier.as_str()) {
        return reply(StatusCode::BAD_REQUEST, json!({ "error": "unknown carrier" }));
    }

    let pool = db::pool().await?;
    let zone: Option<(String,)> =
        sqlx::query_as("SELECT zone FROM postcode_zones WHERE postcode = $1")
            .bind(&q.postcode)
            .fetch_optional(pool)
            .await?;
    let Some((zone,)) = zone else {
        return reply(StatusCode::UNPROCESSABLE_ENTITY, json!({ "error": "postcode not served" }));
    };

    let client = carriers::client_for(&q.carrier);
    let quote: Value = client
        .post(format!("{}/v1/rates", carriers::base_url(&q.carrier)))
        .json(&json!({ "zone": zone, "weight_grams": q.weight_grams }))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;

    reply(StatusCode::OK, json!({ "carrier": q.carrier, "zone": zone, "quote": quote }))
}
