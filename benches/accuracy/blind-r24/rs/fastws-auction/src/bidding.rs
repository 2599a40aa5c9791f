use std::sync::Arc;

use fastwebsockets::upgrade::UpgradeFut;
use fastwebsockets::{FragmentCollector, Frame, OpCode, Payload};
use redis::AsyncCommands;
use serde::{Deserialize, Serialize};

use crate::state::AppState;

#[derive(Deserialize)]
struct BidMsg {
    bidder: String,
    amount: i64,
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Reply {
    Accepted { amount: i64 },
    Outbid { high_bid: i64 },
    SlowDown,
    Error { message: String },
}

/// One task per connected bidder; the loop body runs once per WebSocket frame.
pub async fn session(fut: UpgradeFut, state: Arc<AppState>, lot_id: i64) -> anyhow::Result<()> {
    let mut ws = FragmentCollector::new(fut.await?);
    let mut redis = state.redis.clone();

    loop {
        let (opcode, payload) = {
            let frame = ws.read_frame().await?;
            (frame.opcode, frame.payload.to_vec())
        };
        match opcode {
            OpCode::Close => break,
            OpCode::Text => {}
            _ => continue,
        }

        let reply = match serde_json::from_slice::<BidMsg>(&payload) {
            Ok(bid) => place_bid(&state, &mut redis, lot_id, bid).await.unwrap_or_else(|e| Reply::Error { message: e.to_string() }),
            Err(e) => Reply::Error { message: format!("bad frame: {e}") },
        };
        let body = serde_json::to_vec(&reply)?;
        ws.write_frame(Frame::text(Payload::Owned(body))).await?;
    }
    Ok(())
}

async fn place_bid(
    state: &AppState,
    redis: &mut redis::aio::ConnectionManager,
    lot_id: i64,
    bid: BidMsg,
) -> anyhow::Result<Reply> {
    let rl_key = format!("auction:rl:{}", bid.bidder);
    let hits: i64 = redis.incr(&rl_key, 1).await?;
    if hits == 1 {
        let _: () = redis.expire(&rl_key, 10).await?;
    }
    if hits > 20 {
        return Ok(Reply::SlowDown);
    }

    // Per-bid connection handle from the shared Database (cheap, by design).
    let conn = state.db.connect()?;
    let tx = conn.transaction().await?;
    let mut rows = tx.query("SELECT high_bid FROM lots WHERE id = ?1 AND closes_at > unixepoch()", [lot_id]).await?;
    let Some(row) = rows.next().await? else {
        tx.rollback().await?;
        return Ok(Reply::Error { message: "lot is closed".into() });
    };
    let high_bid: i64 = row.get(0)?;
    if bid.amount <= high_bid {
        tx.rollback().await?;
        return Ok(Reply::Outbid { high_bid });
    }
    tx.execute(
        "UPDATE lots SET high_bid = ?1, high_bidder = ?2 WHERE id = ?3",
        libsql::params![bid.amount, bid.bidder.clone(), lot_id],
    )
    .await?;
    tx.execute(
        "INSERT INTO bids (lot_id, bidder, amount, placed_at) VALUES (?1, ?2, ?3, unixepoch())",
        libsql::params![lot_id, bid.bidder, bid.amount],
    )
    .await?;
    tx.commit().await?;

    let _: () = redis.publish(format!("auction:lot:{lot_id}"), bid.amount).await?;
    Ok(Reply::Accepted { amount: bid.amount })
}
