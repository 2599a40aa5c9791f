use anyhow::Context;
use redis::aio::ConnectionManager;

/// Process-wide handles, built once in main().
pub struct AppState {
    /// Remote Turso/libsql database. `Database` owns the HTTP client; each
    /// `connect()` just opens a lightweight Hrana stream on top of it.
    pub db: libsql::Database,
    /// Multiplexed, auto-reconnecting Redis connection; clones share the socket.
    pub redis: ConnectionManager,
}

impl AppState {
    pub async fn init() -> anyhow::Result<Self> {
        let url = std::env::var("LIBSQL_URL").context("LIBSQL_URL")?;
        let token = std::env::var("LIBSQL_AUTH_TOKEN").context("LIBSQL_AUTH_TOKEN")?;
        let db = libsql::Builder::new_remote(url, token).build().await?;

        let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
        let redis = redis::Client::open(redis_url)?.get_connection_manager().await?;

        Ok(Self { db, redis })
    }
}

impl AppState {
    /// Cheap readiness probe used by the load balancer health route.
    pub async fn healthy(&self) -> bool {
        let db_ok = match self.db.connect() {
            Ok(conn) => conn.query("SELECT 1", ()).await.is_ok(),
            Err(_) => false,
        };
        let mut redis = self.redis.clone();
        let redis_ok = redis::cmd("PING").query_async::<String>(&mut redis).await.is_ok();
        db_ok && redis_ok
    }
}
