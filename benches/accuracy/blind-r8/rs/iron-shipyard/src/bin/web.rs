use iron::prelude::*;
use iron::{status, Handler};
use router::Router;
use serde_json::json;
use shipyard::db::{self, PgPool};

struct ShipmentStatus {
    pool: PgPool,
}

struct RecordScan {
    pool: PgPool,
}

fn shipment_id(req: &Request) -> Option<i64> {
    req.extensions.get::<Router>()?.find("id")?.parse().ok()
}

impl Handler for ShipmentStatus {
    fn handle(&self, req: &mut Request) -> IronResult<Response> {
        let Some(id) = shipment_id(req) else {
            return Ok(Response::with((status::BadRequest, "bad shipment id")));
        };
        let mut conn = self.pool.get().map_err(|e| IronError::new(e, status::ServiceUnavailable))?;
        let row = conn
            .query_opt("SELECT status, eta::text FROM shipments WHERE id = $1", &[&id])
            .map_err(|e| IronError::new(e, status::InternalServerError))?;

        Ok(match row {
            Some(row) => {
                let status_text: String = row.get(0);
                let eta: Option<String> = row.get(1);
                let body = json!({ "id": id, "status": status_text, "eta": eta }).to_string();
                Response::with((status::Ok, body))
            }
            None => Response::with((status::NotFound, "unknown shipment")),
        })
    }
}

impl Handler for RecordScan {
    fn handle(&self, req: &mut Request) -> IronResult<Response> {
        let Some(id) = shipment_id(req) else {
            return Ok(Response::with((status::BadRequest, "bad shipment id")));
        };
        let mut conn = self.pool.get().map_err(|e| IronError::new(e, status::ServiceUnavailable))?;
        conn.execute("INSERT INTO scans (shipment_id, scanned_at) VALUES ($1, now())", &[&id])
            .and_then(|_| conn.execute("SELECT pg_notify('shipment_events', $1::text)", &[&id]))
            .map_err(|e| IronError::new(e, status::InternalServerError))?;
        Ok(Response::with((status::Accepted, "queued")))
    }
}

fn main() {
    env_logger::init();
    let pool = db::pool(10).expect("database unavailable");

    let mut router = Router::new();
    router.get("/shipments/:id", ShipmentStatus { pool: pool.clone() }, "shipment_status");
    router.post("/shipments/:id/scans", RecordScan { pool }, "record_scan");

    log::info!("shipyard-web listening on :3000");
    Iron::new(router).http("0.0.0.0:3000").expect("failed to bind");
}
