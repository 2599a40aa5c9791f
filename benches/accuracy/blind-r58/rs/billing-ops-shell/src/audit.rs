//! Audit trail: every console command is recorded with the operator name.
//! Compliance asked for this in 2023 (ticket BILL-2211).

use std::sync::OnceLock;
use std::time::Duration;

use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

static AUDIT_POOL: OnceLock<Pool<PostgresConnectionManager<NoTls>>> = OnceLock::new();

fn audit_pool() -> &'static Pool<PostgresConnectionManager<NoTls>> {
    AUDIT_POOL.get_or_init(|| {
        let url = std::env::var("BILLING_DATABASE_URL")
            .unwrap_or_else(|_| "postgres://billing_ops@billing-db.internal/billing".to_string());
        let manager = PostgresConnectionManager::new(url.parse().expect("bad url"), NoTls);
        Pool::builder()
            .max_size(2)
            .connection_timeout(Duration::from_secs(5))
            .build(manager)
            .expect("audit database unreachable")
    })
}

/// Records a command; failures are printed but never block the operator.
pub fn record(operator: &str, command: &str, args: &[String]) {
    let detail = args.join(" ");
    let result = audit_pool().get().map_err(|e| e.to_string()).and_then(|mut conn| {
        conn.execute(
            "INSERT INTO ops_audit (operator, command, detail, at) VALUES ($1, $2, $3, now())",
            &[&operator, &command, &detail],
        )
        .map(|_| ())
        .map_err(|e| e.to_string())
    });
    if let Err(err) = result {
        eprintln!("warning: audit write failed: {err}");
    }
}
