mod tenants;

use serde::Serialize;
use trillium::{conn_try, conn_unwrap, Conn, State};
use trillium_router::{Router, RouterConnExt};

use tenants::TenantPools;

#[derive(Serialize, sqlx::FromRow)]
struct Invoice {
    id: i64,
    customer: String,
    total_cents: i64,
}

fn valid_tenant(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

async fn list_invoices(conn: Conn) -> Conn {
    let tenant = conn_unwrap!(conn.param("tenant").map(str::to_owned), conn);
    if !valid_tenant(&tenant) {
        return conn.with_status(400).with_body("bad tenant").halt();
    }
    let pools = conn_unwrap!(conn.state::<TenantPools>().cloned(), conn);

    let pool = conn_try!(pools.get(&tenant).await, conn);
    let invoices: Vec<Invoice> = conn_try!(
        sqlx::query_as("SELECT id, customer, total_cents FROM invoices ORDER BY id DESC LIMIT 50")
            .fetch_all(&pool)
            .await,
        conn
    );

    let body = conn_try!(serde_json::to_string(&invoices), conn);
    conn.with_response_header("content-type", "application/json").ok(body)
}

async fn health(conn: Conn) -> Conn {
    conn.ok("ok")
}

fn main() {
    env_logger::init();
    let base_url = std::env::var("TENANT_DB_BASE_URL")
        .unwrap_or_else(|_| "postgres://app@pg.internal:5432".into());

    trillium_tokio::run((
        trillium_logger::logger(),
        State::new(TenantPools::new(base_url)),
        Router::new()
            .get("/healthz", health)
            .get("/t/:tenant/invoices", list_invoices),
    ));
}
