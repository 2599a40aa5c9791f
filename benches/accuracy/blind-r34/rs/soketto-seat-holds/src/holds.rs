use anyhow::{anyhow, Result};
use fred::prelude::*;
use fred::types::Expiration;
use serde::Deserialize;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::{payments, AppState};

#[derive(Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Command {
    Hold { seat_id: i64, customer: String },
    Confirm { hold_id: Uuid, payment_token: String },
    Release { hold_id: Uuid },
}

pub async fn handle(state: &AppState, cmd: Command) -> Result<Value> {
    match cmd {
        Command::Hold { seat_id, customer } => {
            let mut tx = state.pool.begin().await?;
            let (status, price_cents): (String, i64) =
                sqlx::query_as("SELECT status, price_cents FROM seats WHERE id = $1 FOR UPDATE NOWAIT")
                    .bind(seat_id)
                    .fetch_one(&mut *tx)
                    .await?;
            if status != "free" {
                return Ok(json!({ "held": false, "reason": status }));
            }
            sqlx::query("UPDATE seats SET status = 'held', held_by = $2 WHERE id = $1")
                .bind(seat_id)
                .bind(&customer)
                .execute(&mut *tx)
                .await?;

            let hold_id = Uuid::new_v4();
            state
                .cache
                .set::<(), _, _>(
                    format!("hold:{hold_id}"),
                    format!("{seat_id}:{price_cents}"),
                    Some(Expiration::EX(600)),
                    None,
                    false,
                )
                .await?;
            state.holds.insert(hold_id, tx);
            Ok(json!({ "held": true, "hold_id": hold_id, "price_cents": price_cents }))
        }

        Command::Confirm { hold_id, payment_token } => {
            let (_, mut tx) = state
                .holds
                .remove(&hold_id)
                .ok_or_else(|| anyhow!("unknown or expired hold"))?;
            let meta: Option<String> = state.cache.get(format!("hold:{hold_id}")).await?;
            let (seat_id, price_cents) = parse_meta(meta.as_deref())?;

            let charge_id = payments::charge(&payment_token, price_cents).await?;
            sqlx::query("UPDATE seats SET status = 'sold', charge_id = $2 WHERE id = $1")
                .bind(seat_id)
                .bind(&charge_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(json!({ "sold": true, "charge_id": charge_id }))
        }

        Command::Release { hold_id } => {
            // the seat row goes back to 'free' in the nightly sweeper job
            state.cache.del::<i64, _>(format!("hold:{hold_id}")).await?;
            Ok(json!({ "released": true }))
        }
    }
}

fn parse_meta(meta: Option<&str>) -> Result<(i64, i64)> {
    let meta = meta.ok_or_else(|| anyhow!("hold metadata expired"))?;
    let (seat, price) = meta.split_once(':').ok_or_else(|| anyhow!("corrupt hold metadata"))?;
    Ok((seat.parse()?, price.parse()?))
}
