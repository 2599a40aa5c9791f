//! resp-ledger: the old store terminals were written against a Redis-backed
//! wallet. Instead of rewriting their firmware we speak RESP on :6380 and
//! translate the handful of commands they use into Postgres ledger calls.

mod handlers;

use std::env;
use std::time::Duration;

use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// Shared state handed to every command callback by redcon.
pub struct Ledger {
    pub pool: PgPool,
    pub webhook_url: String,
}

fn build_pool(url: &str) -> PgPool {
    let manager = PostgresConnectionManager::new(
        url.parse().expect("DATABASE_URL is not a valid postgres URL"),
        NoTls,
    );
    // every terminal keeps its socket open all day, so size generously
    r2d2::Pool::builder()
        .max_size(120)
        .min_idle(Some(16))
        .connection_timeout(Duration::from_secs(5))
        .build(manager)
        .expect("could not build postgres pool")
}

fn main() {
    let url = env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://ledger:ledger@ledger-db:5432/ledger".to_string());
    let ledger = Ledger {
        pool: build_pool(&url),
        webhook_url: env::var("LEDGER_WEBHOOK_URL")
            .unwrap_or_else(|_| "http://notifier.internal/hooks/ledger".to_string()),
    };

    let addr = env::var("RESP_ADDR").unwrap_or_else(|_| "0.0.0.0:6380".to_string());
    let mut s = redcon::listen(addr.as_str(), ledger).expect("could not bind RESP listener");

    s.opened = Some(|conn, _ledger| eprintln!("terminal connected from {}", conn.addr()));
    s.closed = Some(|_conn, _ledger, err| {
        if let Some(err) = err {
            eprintln!("terminal dropped: {}", err);
        }
    });
    s.command = Some(|conn, ledger, args| handlers::dispatch(conn, ledger, args));

    println!("resp-ledger serving at {}", s.local_addr());
    s.serve().expect("RESP server stopped");
}
