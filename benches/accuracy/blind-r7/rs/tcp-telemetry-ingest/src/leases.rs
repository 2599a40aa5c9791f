//! Devices may take an exclusive lease on a calibration slot. The lease is a
//! Postgres session-level advisory lock, so the connection holding it is kept
//! checked out until the device sends UNLOCK.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

use bb8::PooledConnection;
use bb8_postgres::PostgresConnectionManager;
use tokio::sync::Mutex;
use tokio_postgres::NoTls;

use crate::PgPool;

type Held = PooledConnection<'static, PostgresConnectionManager<NoTls>>;

#[derive(Clone, Default)]
pub struct Leases {
    held: Arc<Mutex<HashMap<SocketAddr, Held>>>,
}

impl Leases {
    pub async fn acquire(&self, pool: &PgPool, peer: SocketAddr, slot: &str) -> anyhow::Result<()> {
        let conn = pool.get_owned().await?;
        conn.execute("SELECT pg_advisory_lock(hashtext($1))", &[&slot])
            .await?;
        self.held.lock().await.insert(peer, conn);
        Ok(())
    }

    pub async fn release(&self, peer: SocketAddr) -> anyhow::Result<()> {
        if let Some(conn) = self.held.lock().await.remove(&peer) {
            conn.execute("SELECT pg_advisory_unlock_all()", &[]).await?;
        }
        Ok(())
    }
}
