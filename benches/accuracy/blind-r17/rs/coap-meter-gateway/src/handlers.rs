use std::net::SocketAddr;
use std::sync::Arc;

use coap_lite::{CoapRequest, RequestType as Method, ResponseType};
use mongodb::bson::doc;
use serde::Deserialize;

use crate::{store, Gateway};

#[derive(Deserialize)]
struct Reading {
    device: String,
    kwh: f64,
    ts: i64,
}

fn reply(req: &mut CoapRequest<SocketAddr>, status: ResponseType, body: &str) {
    if let Some(ref mut resp) = req.response {
        resp.set_status(status);
        resp.message.payload = body.as_bytes().to_vec();
    }
}

/// Invoked by the CoAP server for every datagram request.
pub async fn dispatch(
    gw: Arc<Gateway>,
    mut req: Box<CoapRequest<SocketAddr>>,
) -> Box<CoapRequest<SocketAddr>> {
    let path = req.get_path();
    let result = match (req.get_method(), path.as_str()) {
        (&Method::Post, "readings") => post_reading(&gw, &req).await,
        (&Method::Post, p) if p.starts_with("fwlog/") => fw_log(&gw, &req, &p[6..]).await,
        _ => Err(anyhow::anyhow!("not found")),
    };
    match result {
        Ok(msg) => reply(&mut req, ResponseType::Changed, &msg),
        Err(e) => reply(&mut req, ResponseType::BadRequest, &e.to_string()),
    }
    req
}

async fn post_reading(gw: &Gateway, req: &CoapRequest<SocketAddr>) -> anyhow::Result<String> {
    let r: Reading = serde_json::from_slice(&req.message.payload)?;

    sqlx::query("INSERT INTO meter_readings (device, kwh, taken_at) VALUES ($1, $2, to_timestamp($3))")
        .bind(&r.device)
        .bind(r.kwh)
        .bind(r.ts)
        .execute(&gw.pool)
        .await?;

    let archive = store::archive_client().await?;
    archive
        .database("meters")
        .collection("raw")
        .insert_one(doc! { "device": &r.device, "kwh": r.kwh, "ts": r.ts,
                           "peer": req.source.map(|s| s.to_string()) })
        .await?;
    Ok("stored".into())
}

/// Firmware logs arrive as a sequence of POSTs: fwlog/<device>/begin, .../chunk, .../end.
async fn fw_log(gw: &Gateway, req: &CoapRequest<SocketAddr>, rest: &str) -> anyhow::Result<String> {
    let (device, step) = rest.split_once('/').ok_or_else(|| anyhow::anyhow!("bad path"))?;
    let mut uploads = gw.uploads.lock().await;
    match step {
        "begin" => {
            let mut tx = gw.pool.begin().await?;
            sqlx::query("DELETE FROM firmware_log WHERE device = $1")
                .bind(device)
                .execute(&mut *tx)
                .await?;
            uploads.insert(device.to_string(), tx);
            Ok("upload started".into())
        }
        "chunk" => {
            let tx = uploads.get_mut(device).ok_or_else(|| anyhow::anyhow!("no upload"))?;
            sqlx::query("INSERT INTO firmware_log (device, line) VALUES ($1, $2)")
                .bind(device)
                .bind(String::from_utf8_lossy(&req.message.payload).to_string())
                .execute(&mut **tx)
                .await?;
            Ok("ok".into())
        }
        "end" => {
            let tx = uploads.remove(device).ok_or_else(|| anyhow::anyhow!("no upload"))?;
            tx.commit().await?;
            Ok("upload committed".into())
        }
        _ => Err(anyhow::anyhow!("unknown step {step}")),
    }
}
