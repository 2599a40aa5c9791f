//! Event handlers. The disruptor calls each returned closure once for every
//! fill published into the ring, on that handler's dedicated thread.

use std::collections::HashMap;

use disruptor::Sequence;
use postgres::NoTls;
use redis::Commands;

use crate::Fill;

const DEFAULT_LIMIT: i64 = 50_000;

pub fn risk_gate(limits: HashMap<u32, i64>, alert_url: String) -> impl FnMut(&Fill, Sequence, bool) + Send + 'static {
    let mut positions: HashMap<(u32, [u8; 8]), i64> = HashMap::new();
    move |fill: &Fill, seq: Sequence, _end_of_batch: bool| {
        let pos = positions.entry((fill.account, fill.symbol)).or_default();
        *pos += fill.qty;
        let limit = limits.get(&fill.account).copied().unwrap_or(DEFAULT_LIMIT);
        if pos.abs() > limit {
            let client = reqwest::blocking::Client::new();
            let body = serde_json::json!({
                "account": fill.account,
                "symbol": fill.symbol_str(),
                "position": *pos,
                "limit": limit,
                "exec_id": fill.exec_id,
                "seq": seq,
            });
            if let Err(e) = client.post(&alert_url).json(&body).send() {
                log::error!("risk alert for account {} not delivered: {e}", fill.account);
            }
        }
    }
}

pub fn journal(db_url: String) -> impl FnMut(&Fill, Sequence, bool) + Send + 'static {
    let mut pending: Vec<Fill> = Vec::with_capacity(crate::RING_SIZE);
    move |fill: &Fill, _seq: Sequence, end_of_batch: bool| {
        pending.push(*fill);
        if !end_of_batch {
            return;
        }
        let mut db = match postgres::Client::connect(&db_url, NoTls) {
            Ok(db) => db,
            Err(e) => {
                log::error!("journal unavailable, keeping {} fills buffered: {e}", pending.len());
                return;
            }
        };
        let result = db.transaction().and_then(|mut tx| {
            for f in &pending {
                tx.execute(
                    "INSERT INTO fills (exec_id, account, symbol, qty, price_nanos, exec_ts_ns)
                     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (exec_id) DO NOTHING",
                    &[&(f.exec_id as i64), &(f.account as i64), &f.symbol_str(), &f.qty, &f.price_nanos, &(f.exec_ts_ns as i64)],
                )?;
            }
            tx.commit()
        });
        match result {
            Ok(()) => pending.clear(),
            Err(e) => log::error!("journal write failed: {e}"),
        }
    }
}

pub fn live_metrics(mut con: redis::Connection) -> impl FnMut(&Fill, Sequence, bool) + Send + 'static {
    let mut last_px: HashMap<[u8; 8], i64> = HashMap::new();
    let mut volume: HashMap<[u8; 8], i64> = HashMap::new();
    move |fill: &Fill, _seq: Sequence, end_of_batch: bool| {
        last_px.insert(fill.symbol, fill.price_nanos);
        *volume.entry(fill.symbol).or_default() += fill.qty.abs();
        if end_of_batch {
            for (symbol, px) in last_px.drain() {
                let sym = String::from_utf8_lossy(&symbol).trim_end_matches('\0').to_string();
                let vol = volume.remove(&symbol).unwrap_or(0);
                let res: redis::RedisResult<()> = redis::pipe()
                    .hset("fills:last_px", &sym, px)
                    .hincr("fills:volume", &sym, vol)
                    .query(&mut con);
                if let Err(e) = res {
                    log::warn!("metrics update for {sym} failed: {e}");
                }
            }
        }
    }
}
