mod audit;
mod db;
mod reports;
mod service;

use futures::{future, prelude::*};
use mongodb::bson::{doc, Document};
use mongodb::Collection;
use tarpc::server::{self, Channel};
use tarpc::tokio_serde::formats::Json;
use tarpc::context;

use service::{Inventory, Movement};

#[derive(Clone)]
struct InventoryServer {
    items: Collection<Document>,
    audit: audit::Auditor,
    redis_url: String,
}

impl Inventory for InventoryServer {
    async fn stock(self, _: context::Context, sku: String) -> u32 {
        match self.items.find_one(doc! { "sku": &sku }).await {
            Ok(Some(item)) => item.get_i64("on_hand").unwrap_or(0) as u32,
            _ => 0,
        }
    }

    async fn reserve(
        self,
        _: context::Context,
        sku: String,
        qty: u32,
        order_id: String,
    ) -> Result<u32, String> {
        // Short per-SKU lock so two orders cannot oversell the same item.
        let redis = redis::Client::open(self.redis_url.as_str()).map_err(|e| e.to_string())?;
        let mut con = redis
            .get_multiplexed_async_connection()
            .await
            .map_err(|e| e.to_string())?;
        let lock_key = format!("lock:sku:{sku}");
        let acquired: Option<String> = redis::cmd("SET")
            .arg(&lock_key)
            .arg(&order_id)
            .arg("NX")
            .arg("PX")
            .arg(5_000)
            .query_async(&mut con)
            .await
            .map_err(|e| e.to_string())?;
        if acquired.is_none() {
            return Err("sku is busy, retry".into());
        }

        let updated = self
            .items
            .find_one_and_update(
                doc! { "sku": &sku, "on_hand": { "$gte": qty as i64 } },
                doc! { "$inc": { "on_hand": -(qty as i64) } },
            )
            .await
            .map_err(|e| e.to_string())?;
        let _: () = redis::cmd("DEL")
            .arg(&lock_key)
            .query_async(&mut con)
            .await
            .map_err(|e| e.to_string())?;

        let item = updated.ok_or_else(|| "insufficient stock".to_string())?;
        self.audit.log("reserve", &order_id, &sku, qty).await;
        Ok(item.get_i64("on_hand").unwrap_or(0) as u32 - qty)
    }

    async fn history(self, _: context::Context, sku: String) -> Vec<Movement> {
        let client = match reports::client().await {
            Ok(c) => c,
            Err(e) => {
                eprintln!("reports replica unavailable: {e}");
                return Vec::new();
            }
        };
        let movements: Collection<Movement> =
            client.database("inventory").collection("movements");
        match movements
            .find(doc! { "sku": &sku })
            .sort(doc! { "at_ms": -1 })
            .limit(50)
            .await
        {
            Ok(cursor) => cursor.try_collect().await.unwrap_or_default(),
            Err(_) => Vec::new(),
        }
    }
}

async fn spawn(fut: impl Future<Output = ()> + Send + 'static) {
    tokio::spawn(fut);
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let db = db::connect().await?;
    let audit = audit::Auditor::init().await?;
    let svc = InventoryServer {
        items: db.collection("items"),
        audit,
        redis_url: std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()),
    };

    let mut listener = tarpc::serde_transport::tcp::listen("0.0.0.0:5050", Json::default).await?;
    listener.config_mut().max_frame_length(16 * 1024 * 1024);
    println!("inventory rpc listening on {}", listener.local_addr());

    listener
        .filter_map(|r| future::ready(r.ok()))
        .map(server::BaseChannel::with_defaults)
        .map(|channel| {
            let svc = svc.clone();
            channel.execute(svc.serve()).for_each(spawn)
        })
        .buffer_unordered(256)
        .for_each(|_| async {})
        .await;
    Ok(())
}
