use actix_rt::net::TcpStream;
use deadpool_postgres::Pool;
use futures_util::{SinkExt, StreamExt};
use serde::Deserialize;
use serde_json::json;
use tokio_util::codec::{Framed, LinesCodec};

#[derive(Clone)]
pub struct Services {
    pub pool: Pool,
    pub fraud: reqwest::Client,
    pub fraud_url: String,
}

#[derive(Deserialize)]
struct Authorization {
    terminal_id: String,
    pan_token: String,
    amount_cents: i64,
}

pub async fn serve(stream: TcpStream, services: Services) -> Result<(), std::io::Error> {
    let mut framed = Framed::new(stream, LinesCodec::new_with_max_length(8 * 1024));
    while let Some(line) = framed.next().await {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                log::warn!("framing error: {e}");
                break;
            }
        };
        let reply = match serde_json::from_str::<Authorization>(&line) {
            Ok(req) => authorize(&services, req).await.unwrap_or_else(|e| json!({ "result": "error", "detail": e.to_string() })),
            Err(e) => json!({ "result": "error", "detail": format!("bad request: {e}") }),
        };
        if framed.send(reply.to_string()).await.is_err() {
            break;
        }
    }
    Ok(())
}

async fn authorize(services: &Services, req: Authorization) -> anyhow::Result<serde_json::Value> {
    let score: f64 = services
        .fraud
        .post(&services.fraud_url)
        .json(&json!({ "pan_token": req.pan_token, "amount_cents": req.amount_cents }))
        .send()
        .await?
        .json::<serde_json::Value>()
        .await?["score"]
        .as_f64()
        .unwrap_or(1.0);

    let approved = score < 0.8;
    let mut client = services.pool.get().await?;
    let tx = client.transaction().await?;
    let row = tx
        .query_one(
            "INSERT INTO authorizations (terminal_id, pan_token, amount_cents, fraud_score, approved)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
            &[&req.terminal_id, &req.pan_token, &req.amount_cents, &score, &approved],
        )
        .await?;
    tx.commit().await?;
    let id: i64 = row.get(0);
    Ok(json!({ "result": if approved { "approved" } else { "declined" }, "auth_id": id }))
}
