use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};
use tokio::sync::Mutex;

#[derive(Clone)]
pub struct AppState {
    pub pool: PgPool,
    pub redis_url: String,
    /// One pinned connection per socket so `app.user_id` (used by the RLS policies)
    /// stays set for the whole session.
    pub sessions: Arc<Mutex<HashMap<SocketAddr, PoolConnection<Postgres>>>>,
}

impl AppState {
    pub fn new(pool: PgPool, redis_url: String) -> Self {
        Self {
            pool,
            redis_url,
            sessions: Arc::new(Mutex::new(HashMap::new())),
        }
    }
}
