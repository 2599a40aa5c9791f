#[macro_use]
extern crate nickel;

use billing_nickel::db::{self, PgPool};
use nickel::status::StatusCode;
use nickel::{HttpRouter, MediaType, MiddlewareResult, Nickel, Request, Response};

struct AppData {
    pool: PgPool,
}

fn get_invoice<'mw>(req: &mut Request<AppData>, mut res: Response<'mw, AppData>) -> MiddlewareResult<'mw, AppData> {
    let id: i64 = match req.param("id").and_then(|s| s.parse().ok()) {
        Some(id) => id,
        None => return res.error(StatusCode::BadRequest, "invoice id must be numeric"),
    };
    // Borrow a connection from the process pool; it goes back when `conn` drops.
    let mut conn = match req.server_data().pool.get() {
        Ok(c) => c,
        Err(_) => return res.error(StatusCode::ServiceUnavailable, "database busy"),
    };
    let row = match conn.query_opt("SELECT customer, total_cents, status FROM invoices WHERE id = $1", &[&id]) {
        Ok(Some(row)) => row,
        Ok(None) => return res.error(StatusCode::NotFound, "no such invoice"),
        Err(_) => return res.error(StatusCode::InternalServerError, "query failed"),
    };
    let body = serde_json::json!({
        "id": id,
        "customer": row.get::<_, String>(0),
        "total_cents": row.get::<_, i64>(1),
        "status": row.get::<_, String>(2),
    });
    res.set(MediaType::Json);
    res.send(body.to_string())
}

fn queue_invoice_run<'mw>(req: &mut Request<AppData>, mut res: Response<'mw, AppData>) -> MiddlewareResult<'mw, AppData> {
    let customer = req.param("customer").unwrap_or_default().to_string();
    let queued = req.server_data().pool.get().map_err(|e| e.to_string()).and_then(|mut conn| {
        conn.execute("INSERT INTO jobs (kind, payload) VALUES ('invoice_run', $1)", &[&customer])
            .map_err(|e| e.to_string())
    });
    match queued {
        Ok(_) => {
            res.set(StatusCode::Accepted);
            res.send("queued")
        }
        Err(_) => res.error(StatusCode::InternalServerError, "could not queue job"),
    }
}

fn main() {
    let pool = db::make_pool(16).expect("database pool");
    let mut server = Nickel::with_data(AppData { pool });

    server.utilize(middleware! { |req|
        println!("{} {}", req.origin.method, req.origin.uri);
    });
    server.get("/invoices/:id", get_invoice);
    server.post("/customers/:customer/invoice-run", queue_invoice_run);

    server.listen("0.0.0.0:6767").expect("listen");
}
