use acteur::{Actor, ActorAssistant, Receive};
use async_trait::async_trait;
use isahc::AsyncReadResponseExt;
use isahc::Request;
use sqlx::PgPool;

use crate::shared;

/// One actor per machine id; acteur activates it on the first message for that id.
#[derive(Debug)]
pub struct VendingMachine {
    id: u32,
    pool: PgPool,
    slots_low: Vec<u8>,
}

#[async_trait]
impl Actor for VendingMachine {
    type ActorId = u32;

    async fn activate(id: Self::ActorId, _: &ActorAssistant<Self>) -> Self {
        let pool = shared::pool();
        let slots_low: Vec<i16> = sqlx::query_scalar(
            "SELECT slot FROM machine_slots WHERE machine_id = $1 AND units_left <= reorder_at",
        )
        .bind(id as i32)
        .fetch_all(&pool)
        .await
        .unwrap_or_default();
        VendingMachine {
            id,
            pool,
            slots_low: slots_low.into_iter().map(|s| s as u8).collect(),
        }
    }
}

#[derive(Debug)]
pub struct Vend {
    pub slot: u8,
    pub cents: i32,
}

#[derive(Debug)]
pub struct Fault {
    pub code: String,
}

#[async_trait]
impl Receive<Vend> for VendingMachine {
    async fn handle(&mut self, msg: Vend, _: &ActorAssistant<VendingMachine>) {
        let left: Result<(i32, i32), _> = sqlx::query_as(
            "UPDATE machine_slots SET units_left = units_left - 1 \
             WHERE machine_id = $1 AND slot = $2 RETURNING units_left, reorder_at",
        )
        .bind(self.id as i32)
        .bind(msg.slot as i16)
        .fetch_one(&self.pool)
        .await;
        let _ = sqlx::query("INSERT INTO sales (machine_id, slot, cents) VALUES ($1, $2, $3)")
            .bind(self.id as i32)
            .bind(msg.slot as i16)
            .bind(msg.cents)
            .execute(&self.pool)
            .await;

        if let Ok((units_left, reorder_at)) = left {
            if units_left <= reorder_at && !self.slots_low.contains(&msg.slot) {
                self.slots_low.push(msg.slot);
                let body = serde_json::json!({ "machine": self.id, "slot": msg.slot, "left": units_left });
                let req = Request::post(shared::restock_url())
                    .header("content-type", "application/json")
                    .body(body.to_string())
                    .expect("request");
                match shared::RESTOCK_HTTP.send_async(req).await {
                    Ok(mut resp) => {
                        let _ = resp.text().await;
                    }
                    Err(e) => eprintln!("machine {}: restock request failed: {e}", self.id),
                }
            }
        }
    }
}

#[async_trait]
impl Receive<Fault> for VendingMachine {
    async fn handle(&mut self, msg: Fault, _: &ActorAssistant<VendingMachine>) {
        let _ = sqlx::query("INSERT INTO machine_faults (machine_id, code) VALUES ($1, $2)")
            .bind(self.id as i32)
            .bind(&msg.code)
            .execute(&self.pool)
            .await;
    }
}
