//! Quote-of-the-day service on may_minihttp (stackful coroutines).
//! `new_service` is invoked for every accepted connection; it only clones the
//! pool handle built in `main`.

mod db;

use std::io;

use may_minihttp::{HttpServer, HttpService, HttpServiceFactory, Request, Response};
use serde::Serialize;

use db::PgPool;

#[derive(Serialize)]
struct Quote {
    id: i32,
    author: String,
    text: String,
}

struct QuoteService {
    pool: PgPool,
    conn_id: usize,
}

impl QuoteService {
    fn random_quote(&self) -> Result<Quote, String> {
        let mut conn = self.pool.get().map_err(|e| e.to_string())?;
        let row = conn
            .query_one("SELECT id, author, text FROM quotes ORDER BY random() LIMIT 1", &[])
            .map_err(|e| e.to_string())?;
        Ok(Quote { id: row.get(0), author: row.get(1), text: row.get(2) })
    }
}

impl HttpService for QuoteService {
    fn call(&mut self, req: Request, rsp: &mut Response) -> io::Result<()> {
        match req.path() {
            "/quote" => match self.random_quote() {
                Ok(q) => {
                    rsp.header("Content-Type: application/json");
                    rsp.body_vec(serde_json::to_vec(&q).unwrap());
                }
                Err(e) => {
                    eprintln!("conn {}: {e}", self.conn_id);
                    rsp.status_code(500, "Internal Server Error");
                    rsp.body("db error");
                }
            },
            "/health" => {
                rsp.body("ok");
            }
            _ => {
                rsp.status_code(404, "Not Found");
                rsp.body("not found");
            }
        }
        Ok(())
    }
}

struct QuoteServer {
    pool: PgPool,
}

impl HttpServiceFactory for QuoteServer {
    type Service = QuoteService;

    fn new_service(&self, id: usize) -> Self::Service {
        QuoteService { pool: self.pool.clone(), conn_id: id }
    }
}

fn main() {
    may::config().set_workers(4);
    let pool = db::build_pool();
    let server = QuoteServer { pool }.start("0.0.0.0:8081").expect("bind");
    server.join().unwrap();
}
