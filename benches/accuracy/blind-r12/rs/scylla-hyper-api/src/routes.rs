use std::convert::Infallible;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::{Method, Request, Response, StatusCode};
use serde::Deserialize;
use serde_json::json;

use crate::state::AppState;

type Resp = Response<Full<Bytes>>;

#[derive(Deserialize)]
struct ProfileEvent {
    user_id: i64,
    kind: String,
}

fn json_response(status: StatusCode, body: serde_json::Value) -> Resp {
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(Full::new(Bytes::from(body.to_string())))
        .expect("static response parts are valid")
}

pub async fn handle(req: Request<Incoming>, state: Arc<AppState>) -> Result<Resp, Infallible> {
    let path = req.uri().path().to_owned();
    let result = match (req.method().clone(), path.as_str()) {
        (Method::GET, p) if p.starts_with("/profiles/") => {
            get_profile(&state, &p["/profiles/".len()..]).await
        }
        (Method::POST, "/events") => record_event(&state, req).await,
        (Method::GET, "/healthz") => Ok(json_response(StatusCode::OK, json!({ "ok": true }))),
        _ => Ok(json_response(StatusCode::NOT_FOUND, json!({ "error": "not found" }))),
    };
    Ok(result.unwrap_or_else(|e| {
        tracing::warn!(%path, "request failed: {e}");
        json_response(StatusCode::INTERNAL_SERVER_ERROR, json!({ "error": e.to_string() }))
    }))
}

async fn get_profile(state: &AppState, raw_id: &str) -> anyhow::Result<Resp> {
    let user_id: i64 = raw_id.parse()?;
    let result = state
        .session
        .execute_unpaged(&state.get_profile, (user_id,))
        .await?;
    match result.maybe_first_row_typed::<(String, String, i64)>()? {
        Some((display_name, country, score)) => Ok(json_response(
            StatusCode::OK,
            json!({ "user_id": user_id, "display_name": display_name, "country": country, "score": score }),
        )),
        None => Ok(json_response(StatusCode::NOT_FOUND, json!({ "error": "no such profile" }))),
    }
}

async fn record_event(state: &AppState, req: Request<Incoming>) -> anyhow::Result<Resp> {
    let body = req.into_body().collect().await?.to_bytes();
    let event: ProfileEvent = serde_json::from_slice(&body)?;
    let at_ms = SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis() as i64;

    state
        .session
        .execute_unpaged(&state.put_event, (event.user_id, at_ms, event.kind.as_str()))
        .await?;

    if event.kind == "erasure_requested" {
        state
            .http
            .post(&state.erasure_hook)
            .json(&json!({ "user_id": event.user_id }))
            .send()
            .await?
            .error_for_status()?;
    }

    Ok(json_response(StatusCode::ACCEPTED, json!({ "accepted": true })))
}
