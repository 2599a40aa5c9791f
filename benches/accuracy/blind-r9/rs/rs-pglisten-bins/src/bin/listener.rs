//! Worker process: LISTENs for new shipments and books them with the carrier API.

use std::time::Duration;

use serde_json::json;
use shipments::db;
use sqlx::postgres::PgListener;
use sqlx::PgPool;

async fn book(pool: &PgPool, http: &reqwest::Client, id: i64) -> Result<(), Box<dyn std::error::Error>> {
    let carrier: String = sqlx::query_scalar("SELECT carrier FROM shipments WHERE id = $1")
        .bind(id)
        .fetch_one(pool)
        .await?;
    let base = std::env::var("CARRIER_API").unwrap_or_else(|_| "https://carriers.internal".into());
    http.post(format!("{base}/{carrier}/bookings"))
        .json(&json!({ "shipment_id": id }))
        .send()
        .await?
        .error_for_status()?;
    sqlx::query("UPDATE shipments SET status = 'booked' WHERE id = $1")
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), sqlx::Error> {
    // Postgres may still be starting when the container comes up: retry, then move on.
    let mut attempt = 0;
    let pool = loop {
        match db::connect_pool(4).await {
            Ok(p) => break p,
            Err(e) if attempt < 10 => {
                attempt += 1;
                eprintln!("db not ready ({e}), retry {attempt}/10");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            Err(e) => return Err(e),
        }
    };

    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .expect("http client");

    let mut listener = PgListener::connect_with(&pool).await?;
    listener.listen("shipment_created").await?;

    loop {
        let note = listener.recv().await?;
        let Ok(id) = note.payload().parse::<i64>() else {
            eprintln!("bad payload {:?}", note.payload());
            continue;
        };
        if let Err(e) = book(&pool, &http, id).await {
            eprintln!("booking {id} failed: {e}");
        }
    }
}
