mod clients;

use std::env;
use std::net::SocketAddr;

use anyhow::Result;
use aws_sdk_dynamodb::types::AttributeValue;
use coap::Server;
use coap_lite::{CoapRequest, RequestType as Method, ResponseType};
use serde::Deserialize;
use sqlx::postgres::PgPoolOptions;

#[derive(Deserialize)]
struct Reading {
    device: String,
    temp_c: f64,
    humidity: f64,
    battery_mv: i32,
}

async fn store_reading(reading: &Reading) -> Result<()> {
    let pool = PgPoolOptions::new()
        .max_connections(2)
        .connect(&env::var("DATABASE_URL")?)
        .await?;
    sqlx::query("INSERT INTO readings (device, temp_c, humidity) VALUES ($1, $2, $3)")
        .bind(&reading.device)
        .bind(reading.temp_c)
        .bind(reading.humidity)
        .execute(&pool)
        .await?;
    pool.close().await;
    Ok(())
}

async fn touch_device(reading: &Reading) -> Result<()> {
    let ddb = clients::dynamo().await;
    ddb.update_item()
        .table_name("devices")
        .key("device_id", AttributeValue::S(reading.device.clone()))
        .update_expression("SET battery_mv = :b, last_seen = :t")
        .expression_attribute_values(":b", AttributeValue::N(reading.battery_mv.to_string()))
        .expression_attribute_values(":t", AttributeValue::S(chrono_now()))
        .send()
        .await?;
    Ok(())
}

fn chrono_now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    secs.to_string()
}

async fn handle(mut request: Box<CoapRequest<SocketAddr>>) -> Box<CoapRequest<SocketAddr>> {
    let path = request.get_path();
    let status = match (request.get_method(), path.as_str()) {
        (&Method::Post, "telemetry") => {
            match serde_json::from_slice::<Reading>(&request.message.payload) {
                Ok(reading) => {
                    let stored = store_reading(&reading).await;
                    let touched = touch_device(&reading).await;
                    if stored.is_ok() && touched.is_ok() {
                        ResponseType::Changed
                    } else {
                        ResponseType::InternalServerError
                    }
                }
                Err(_) => ResponseType::BadRequest,
            }
        }
        (&Method::Get, "health") => ResponseType::Content,
        _ => ResponseType::NotFound,
    };
    if let Some(ref mut response) = request.response {
        response.set_status(status);
        response.message.payload = Vec::new();
    }
    request
}

#[tokio::main]
async fn main() -> Result<()> {
    let addr = env::var("COAP_BIND").unwrap_or_else(|_| "0.0.0.0:5683".into());
    let server = Server::new_udp(&addr)?;
    println!("CoAP telemetry listening on {addr}");
    server
        .run(|request: Box<CoapRequest<SocketAddr>>| async move { handle(request).await })
        .await?;
    Ok(())
}
