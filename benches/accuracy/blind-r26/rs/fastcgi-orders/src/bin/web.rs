//! FastCGI responder behind nginx (`fastcgi_pass 127.0.0.1:9000`).
//! fastcgi::run calls the closure once per request on its worker threads.
use std::io::{Read, Write};
use std::sync::Arc;

use orders_fcgi::make_pool;
use serde::Deserialize;

#[derive(Deserialize)]
struct NewOrder {
    sku: String,
    qty: i32,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pool = Arc::new(make_pool(10)?);

    fastcgi::run(move |mut req| {
        let method = req.param("REQUEST_METHOD").unwrap_or_default();
        let path = req.param("DOCUMENT_URI").unwrap_or_default();

        let (status, body) = match (method.as_str(), path.as_str()) {
            ("GET", "/orders/recent") => match pool.get() {
                Ok(mut conn) => match conn.query("SELECT id, sku, qty FROM orders ORDER BY id DESC LIMIT 20", &[]) {
                    Ok(rows) => {
                        let list: Vec<_> = rows
                            .iter()
                            .map(|r| serde_json::json!({ "id": r.get::<_, i64>(0), "sku": r.get::<_, String>(1), "qty": r.get::<_, i32>(2) }))
                            .collect();
                        ("200 OK", serde_json::to_string(&list).unwrap_or_default())
                    }
                    Err(e) => ("500 Internal Server Error", format!("{{\"error\":\"{e}\"}}")),
                },
                Err(_) => ("503 Service Unavailable", "{\"error\":\"db busy\"}".to_string()),
            },
            ("POST", "/orders") => {
                let mut raw = String::new();
                let _ = req.stdin().read_to_string(&mut raw);
                match (serde_json::from_str::<NewOrder>(&raw), pool.get()) {
                    (Ok(order), Ok(mut conn)) => {
                        let result = conn.transaction().and_then(|mut tx| {
                            let row = tx.query_one(
                                "INSERT INTO orders (sku, qty) VALUES ($1, $2) RETURNING id",
                                &[&order.sku, &order.qty],
                            )?;
                            tx.execute("UPDATE stock SET reserved = reserved + $2 WHERE sku = $1", &[&order.sku, &order.qty])?;
                            tx.commit()?;
                            Ok(row.get::<_, i64>(0))
                        });
                        match result {
                            Ok(id) => ("201 Created", format!("{{\"id\":{id}}}")),
                            Err(e) => ("500 Internal Server Error", format!("{{\"error\":\"{e}\"}}")),
                        }
                    }
                    (Err(_), _) => ("400 Bad Request", "{\"error\":\"invalid body\"}".to_string()),
                    (_, Err(_)) => ("503 Service Unavailable", "{\"error\":\"db busy\"}".to_string()),
                }
            }
            _ => ("404 Not Found", "{}".to_string()),
        };

        let _ = write!(req.stdout(), "Status: {status}\r\nContent-Type: application/json\r\n\r\n{body}");
    });
    Ok(())
}
