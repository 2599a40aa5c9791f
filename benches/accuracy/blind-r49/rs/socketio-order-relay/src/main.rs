mod tenants;

use std::env;
use std::sync::OnceLock;
use std::time::Duration;

use anyhow::Result;
use futures_util::FutureExt;
use rust_socketio::asynchronous::{Client, ClientBuilder};
use rust_socketio::Payload;
use serde::Deserialize;
use serde_json::json;

static HTTP: OnceLock<reqwest::Client> = OnceLock::new();

fn http() -> &'static reqwest::Client {
    HTTP.get_or_init(|| {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .expect("reqwest client")
    })
}

#[derive(Deserialize)]
struct OrderPlaced {
    tenant: String,
    order_id: String,
    total_cents: i64,
}

async fn relay(order: OrderPlaced) -> Result<()> {
    let pool = tenants::pool_for(&order.tenant).await?;
    let mut tx = pool.begin().await?;
    sqlx::query("INSERT INTO orders_mirror (order_id, total_cents) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(&order.order_id)
        .bind(order.total_cents)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;

    let hook = env::var("FULFILMENT_URL")?;
    http()
        .post(hook)
        .json(&json!({ "tenant": order.tenant, "order_id": order.order_id }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

#[tokio::main]
async fn main() -> Result<()> {
    let n = tenants::load_directory(&env::var("TENANTS_FILE").unwrap_or_else(|_| "tenants.toml".into()))?;
    println!("{n} tenants configured");

    let on_order = |payload: Payload, _socket: Client| {
        async move {
            if let Payload::Text(values) = payload {
                for v in values {
                    match serde_json::from_value::<OrderPlaced>(v) {
                        Ok(order) => {
                            if let Err(e) = relay(order).await {
                                eprintln!("relay: {e:#}");
                            }
                        }
                        Err(e) => eprintln!("bad payload: {e}"),
                    }
                }
            }
        }
        .boxed()
    };

    let socket = ClientBuilder::new(env::var("SHOP_SOCKET_URL")?)
        .namespace("/orders")
        .reconnect(true)
        .on("order:placed", on_order)
        .on("error", |err, _| async move { eprintln!("socket error: {err:?}") }.boxed())
        .connect()
        .await?;

    tokio::signal::ctrl_c().await?;
    socket.disconnect().await?;
    tenants::close_all().await;
    Ok(())
}
