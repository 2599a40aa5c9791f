//! Host functions exposed to rule scripts as `import! checkout`.

use gluon::vm::{self, ExternModule};
use gluon::Thread;
use postgres::NoTls;
use r2d2::PooledConnection;
use r2d2_postgres::PostgresConnectionManager;
use redis::Commands;
use std::sync::{Mutex, OnceLock};

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;
type PgConn = PooledConnection<PostgresConnectionManager<NoTls>>;

pub static PG: OnceLock<PgPool> = OnceLock::new();
static AUDIT_CONN: OnceLock<Mutex<PgConn>> = OnceLock::new();

pub fn redis_url() -> String {
    std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".to_owned())
}

fn pg() -> &'static PgPool {
    PG.get().expect("PG pool initialised in main")
}

/// "gold" | "silver" | "standard", maintained by the CRM sync in a redis hash.
fn customer_tier(customer_id: String) -> String {
    let tier = redis::Client::open(redis_url())
        .and_then(|client| client.get_connection())
        .and_then(|mut conn| conn.hget::<_, _, Option<String>>("crm:customer_tier", &customer_id));
    match tier {
        Ok(Some(t)) => t,
        Ok(None) => "standard".to_owned(),
        Err(err) => {
            log::warn!("tier lookup for {customer_id} failed: {err}");
            "standard".to_owned()
        }
    }
}

/// Sum of all paid orders, in euros.
fn lifetime_spend(customer_id: String) -> f64 {
    let Ok(mut conn) = pg().get() else {
        return 0.0;
    };
    conn.query_one(
        "SELECT COALESCE(SUM(total_cents), 0)::float8 / 100 FROM orders \
         WHERE customer_id = $1 AND status = 'paid'",
        &[&customer_id],
    )
    .map(|row| row.get::<_, f64>(0))
    .unwrap_or(0.0)
}

/// Lets rule authors leave a trace of why a discount fired.
fn audit(message: String) -> () {
    let conn = AUDIT_CONN.get_or_init(|| {
        let conn = pg().get().expect("audit connection");
        Mutex::new(conn)
    });
    let mut conn = conn.lock().unwrap();
    if let Err(err) = conn.execute("INSERT INTO rule_audit (message) VALUES ($1)", &[&message]) {
        log::warn!("rule audit insert failed: {err}");
    }
}

pub fn load(vm: &Thread) -> vm::Result<ExternModule> {
    ExternModule::new(
        vm,
        record! {
            customer_tier => primitive!(1, customer_tier),
            lifetime_spend => primitive!(1, lifetime_spend),
            audit => primitive!(1, audit),
        },
    )
}
