use std::env;
use std::io;

use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use redis::Commands;
use serde_json::Value;

type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

fn to_io<E: std::fmt::Display>(e: E) -> io::Error {
    io::Error::new(io::ErrorKind::Other, e.to_string())
}

fn invoice_id(args: &[Value]) -> io::Result<i64> {
    args.first()
        .and_then(Value::as_i64)
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "missing invoice id"))
}

/// Uses the shared billing pool built in main.
pub fn render_invoice(pool: &PgPool, args: &[Value]) -> io::Result<()> {
    let id = invoice_id(args)?;
    let mut conn = pool.get().map_err(to_io)?;
    let row = conn
        .query_one("SELECT total_cents, currency FROM invoices WHERE id = $1", &[&id])
        .map_err(to_io)?;
    let total: i64 = row.get(0);
    let currency: String = row.get(1);
    conn.execute(
        "UPDATE invoices SET rendered = $2 WHERE id = $1",
        &[&id, &format!("{} {:.2}", currency, total as f64 / 100.0)],
    )
    .map_err(to_io)?;
    Ok(())
}

/// Rebuilds the search-side projection for one customer.
pub fn reindex_customer(args: &[Value]) -> io::Result<()> {
    let customer = args
        .first()
        .and_then(Value::as_str)
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "missing customer"))?
        .to_string();

    let crm_url = env::var("CRM_DATABASE_URL").map_err(to_io)?;
    let manager = PostgresConnectionManager::new(crm_url.parse().map_err(to_io)?, NoTls);
    let crm = r2d2::Pool::builder().max_size(4).build(manager).map_err(to_io)?;

    let mut redis = redis::Client::open(env::var("REDIS_URL").map_err(to_io)?).map_err(to_io)?.get_connection().map_err(to_io)?;

    let mut conn = crm.get().map_err(to_io)?;
    for row in conn
        .query("SELECT id, name, email FROM contacts WHERE customer = $1", &[&customer])
        .map_err(to_io)?
    {
        let id: i64 = row.get(0);
        let name: String = row.get(1);
        let email: String = row.get(2);
        let _: () = redis
            .hset_multiple(format!("contact:{id}"), &[("name", name), ("email", email)])
            .map_err(to_io)?;
    }
    Ok(())
}
