use oracle::pool::{Pool, PoolBuilder};
use oracle::Connection;

struct Credentials {
    user: String,
    password: String,
    connect_string: String,
}

fn credentials() -> Credentials {
    Credentials {
        user: std::env::var("ORACLE_USER").unwrap_or_else(|_| "ops_gateway".to_string()),
        password: std::env::var("ORACLE_PASSWORD").unwrap_or_default(),
        connect_string: std::env::var("ORACLE_CONNECT").unwrap_or_else(|_| "//erp-db:1521/ERP".to_string()),
    }
}

/// Session pool shared by all websocket threads.
pub fn shared_pool() -> oracle::Result<Pool> {
    let c = credentials();
    PoolBuilder::new(c.user, c.password, c.connect_string)
        .min_connections(2)
        .max_connections(12)
        .build()
}

/// Standalone connection for callers that need their own session.
pub fn connect() -> oracle::Result<Connection> {
    let c = credentials();
    Connection::connect(c.user, c.password, c.connect_string)
}
