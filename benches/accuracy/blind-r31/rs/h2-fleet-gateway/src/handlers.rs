use std::sync::Arc;

use bytes::Bytes;
use h2::server::SendResponse;
use h2::RecvStream;
use http::{Method, Request, Response, StatusCode};
use serde::Deserialize;
use uuid::Uuid;

use crate::{BoxError, State};

#[derive(Deserialize)]
struct Reading {
    vin: String,
    ts: i64,
    speed_kph: f32,
    battery_pct: f32,
}

pub async fn handle(mut request: Request<RecvStream>, mut respond: SendResponse<Bytes>, state: Arc<State>) {
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();

    let result = match (&method, segments.as_slice()) {
        (&Method::POST, ["v1", "telemetry"]) => telemetry(request.body_mut(), &state).await,
        (&Method::POST, ["v1", "uploads", vin]) => start_upload(vin, &state).await,
        (&Method::PUT, ["v1", "uploads", id]) => upload_chunk(id, request.body_mut(), &state).await,
        (&Method::POST, ["v1", "uploads", id, "finish"]) => finish_upload(id, &state).await,
        (&Method::GET, ["v1", "firmware", model]) => latest_firmware(model, &state).await,
        _ => Err("not found".into()),
    };

    let (status, body) = match result {
        Ok(body) => (StatusCode::OK, body),
        Err(e) => (StatusCode::BAD_REQUEST, Bytes::from(e.to_string())),
    };
    let response = Response::builder().status(status).body(()).unwrap();
    if let Ok(mut stream) = respond.send_response(response, false) {
        let _ = stream.send_data(body, true);
    }
}

async fn read_body(body: &mut RecvStream) -> Result<Vec<u8>, h2::Error> {
    let mut buf = Vec::new();
    while let Some(chunk) = body.data().await {
        let chunk = chunk?;
        let _ = body.flow_control().release_capacity(chunk.len());
        buf.extend_from_slice(&chunk);
    }
    Ok(buf)
}

async fn telemetry(body: &mut RecvStream, state: &State) -> Result<Bytes, BoxError> {
    let readings: Vec<Reading> = serde_json::from_slice(&read_body(body).await?)?;
    for r in &readings {
        sqlx::query("INSERT INTO telemetry (vin, ts, speed_kph, battery_pct) VALUES ($1, to_timestamp($2), $3, $4)")
            .bind(&r.vin)
            .bind(r.ts)
            .bind(r.speed_kph)
            .bind(r.battery_pct)
            .execute(&state.pool)
            .await?;
    }
    Ok(Bytes::from(format!("{}", readings.len())))
}

async fn start_upload(vin: &str, state: &State) -> Result<Bytes, BoxError> {
    let mut conn = state.pool.acquire().await?;
    sqlx::query("BEGIN").execute(&mut *conn).await?;
    let id = Uuid::new_v4();
    sqlx::query("INSERT INTO log_uploads (id, vin, started_at) VALUES ($1, $2, now())")
        .bind(id)
        .bind(vin)
        .execute(&mut *conn)
        .await?;
    state.uploads.insert(id, conn);
    Ok(Bytes::from(id.to_string()))
}

async fn upload_chunk(id: &str, body: &mut RecvStream, state: &State) -> Result<Bytes, BoxError> {
    let id: Uuid = id.parse()?;
    let data = read_body(body).await?;
    let mut conn = state.uploads.get_mut(&id).ok_or("unknown upload")?;
    sqlx::query("INSERT INTO log_chunks (upload_id, data) VALUES ($1, $2)")
        .bind(id)
        .bind(&data)
        .execute(&mut **conn)
        .await?;
    Ok(Bytes::from_static(b"ok"))
}

async fn finish_upload(id: &str, state: &State) -> Result<Bytes, BoxError> {
    let id: Uuid = id.parse()?;
    let (_, mut conn) = state.uploads.remove(&id).ok_or("unknown upload")?;
    sqlx::query("COMMIT").execute(&mut *conn).await?;
    Ok(Bytes::from_static(b"committed"))
}

async fn latest_firmware(model: &str, state: &State) -> Result<Bytes, BoxError> {
    let cdn = reqwest::Client::builder()
        .https_only(true)
        .timeout(std::time::Duration::from_secs(10))
        .build()?;
    let manifest = cdn
        .get(format!("{}/manifests/{model}/latest.json", state.firmware_cdn))
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    Ok(manifest)
}
