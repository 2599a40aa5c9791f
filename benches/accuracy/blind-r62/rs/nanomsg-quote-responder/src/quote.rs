use std::error::Error;

use r2d2::{Pool, PooledConnection};
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use redis::Commands;
use serde::{Deserialize, Serialize};

type Manager = PostgresConnectionManager<NoTls>;

#[derive(Debug, Deserialize)]
pub struct QuoteRequest {
    pub request_id: String,
    pub origin: String,
    pub destination: String,
    pub carrier: String,
    pub weight_kg: f64,
}

#[derive(Debug, Serialize)]
pub struct QuoteReply {
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price_eur: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fuel_surcharge: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl QuoteReply {
    pub fn error(msg: impl Into<String>) -> Self {
        QuoteReply { ok: false, price_eur: None, fuel_surcharge: None, error: Some(msg.into()) }
    }

    fn priced(price: f64, surcharge: f64) -> Self {
        QuoteReply { ok: true, price_eur: Some(price), fuel_surcharge: Some(surcharge), error: None }
    }
}

pub struct Responder {
    pool: Pool<Manager>,
    audit: PooledConnection<Manager>,
    redis_url: String,
}

impl Responder {
    pub fn new(pool: Pool<Manager>, redis_url: String) -> Result<Self, r2d2::Error> {
        let audit = pool.get()?;
        Ok(Responder { pool, audit, redis_url })
    }

    pub fn handle(&mut self, req: &QuoteRequest) -> QuoteReply {
        match self.quote(req) {
            Ok(reply) => reply,
            Err(err) => QuoteReply::error(err.to_string()),
        }
    }

    fn quote(&mut self, req: &QuoteRequest) -> Result<QuoteReply, Box<dyn Error>> {
        let surcharge = self.fuel_surcharge(&req.carrier)?;

        let mut db = self.pool.get()?;
        let row = db.query_opt(
            "SELECT base_rate, per_kg FROM lane_rates \
             WHERE origin = $1 AND destination = $2 AND carrier = $3 AND valid_to IS NULL",
            &[&req.origin, &req.destination, &req.carrier],
        )?;
        let Some(row) = row else {
            return Ok(QuoteReply::error("no rate for lane"));
        };
        let base: f64 = row.get(0);
        let per_kg: f64 = row.get(1);
        let price = ((base + per_kg * req.weight_kg) * (1.0 + surcharge) * 100.0).round() / 100.0;

        self.audit.execute(
            "INSERT INTO quote_audit (request_id, origin, destination, carrier, weight_kg, price_eur, quoted_at) \
             VALUES ($1, $2, $3, $4, $5, $6, now())",
            &[&req.request_id, &req.origin, &req.destination, &req.carrier, &req.weight_kg, &price],
        )?;
        Ok(QuoteReply::priced(price, surcharge))
    }

    fn fuel_surcharge(&self, carrier: &str) -> Result<f64, Box<dyn Error>> {
        let client = redis::Client::open(self.redis_url.as_str())?;
        let mut con = client.get_connection()?;
        let key = format!("fuel-surcharge:{carrier}");
        if let Some(cached) = con.get::<_, Option<f64>>(&key)? {
            return Ok(cached);
        }
        let mut db = self.pool.get()?;
        let surcharge: f64 = db
            .query_one(
                "SELECT surcharge FROM fuel_surcharges WHERE carrier = $1 ORDER BY valid_from DESC LIMIT 1",
                &[&carrier],
            )?
            .get(0);
        let _: () = con.set_ex(&key, surcharge, 3600)?;
        Ok(surcharge)
    }
}
