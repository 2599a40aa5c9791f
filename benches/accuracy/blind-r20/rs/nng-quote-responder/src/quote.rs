use redis::Commands;
use serde::{Deserialize, Serialize};

use crate::db::PgPool;

#[derive(Deserialize)]
struct QuoteRequest {
    origin_zone: String,
    dest_zone: String,
    weight_kg: f64,
    pallets: u32,
}

#[derive(Serialize)]
struct QuoteReply {
    price_cents: i64,
    currency: &'static str,
    cached: bool,
}

pub struct Handler<'c> {
    pool: PgPool,
    cache: &'c mut redis::Connection,
}

impl<'c> Handler<'c> {
    pub fn new(pool: PgPool, cache: &'c mut redis::Connection) -> Self {
        Handler { pool, cache }
    }

    /// Runs once per incoming nng message.
    pub fn handle(&mut self, raw: &[u8]) -> anyhow::Result<Vec<u8>> {
        let req: QuoteRequest = serde_json::from_slice(raw)?;
        let key = format!("quote:{}:{}:{}:{}", req.origin_zone, req.dest_zone, req.weight_kg.ceil(), req.pallets);

        if let Some(price) = self.cache.get::<_, Option<i64>>(&key)? {
            return Ok(serde_json::to_vec(&QuoteReply { price_cents: price, currency: "EUR", cached: true })?);
        }

        // checked out of the shared pool, returned when `conn` goes out of scope
        let mut conn = self.pool.get()?;
        let row = conn.query_one(
            "SELECT base_cents, per_kg_cents, per_pallet_cents FROM lane_rates
             WHERE origin_zone = $1 AND dest_zone = $2 AND valid_from <= now()
             ORDER BY valid_from DESC LIMIT 1",
            &[&req.origin_zone, &req.dest_zone],
        )?;
        let (base, per_kg, per_pallet): (i64, i64, i64) = (row.get(0), row.get(1), row.get(2));
        let price = base + (per_kg as f64 * req.weight_kg).round() as i64 + per_pallet * req.pallets as i64;

        let _: () = self.cache.set_ex(&key, price, 300)?;
        Ok(serde_json::to_vec(&QuoteReply { price_cents: price, currency: "EUR", cached: false })?)
    }
}
