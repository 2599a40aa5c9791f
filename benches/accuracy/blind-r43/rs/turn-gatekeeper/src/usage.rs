use std::sync::OnceLock;

use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};
use tokio::sync::{mpsc, Mutex};
use turn::allocation::AllocationInfo;

/// Dedicated connection for the audit trail so audit inserts never queue
/// behind the allocation inserts on the shared pool.
static AUDIT_CONN: OnceLock<Mutex<PoolConnection<Postgres>>> = OnceLock::new();

pub async fn init_audit(pool: &PgPool) -> anyhow::Result<()> {
    let conn = pool.acquire().await?;
    AUDIT_CONN
        .set(Mutex::new(conn))
        .map_err(|_| anyhow::anyhow!("audit connection already initialised"))?;
    Ok(())
}

/// Runs for the life of the process: one iteration per closed TURN allocation.
pub async fn run(pool: PgPool, billing_url: String, mut rx: mpsc::Receiver<AllocationInfo>) {
    while let Some(info) = rx.recv().await {
        let username = info.username.clone();
        let peer = info.five_tuple.src_addr.to_string();

        // Shared pool: the connection goes straight back after the insert.
        let recorded = sqlx::query(
            "INSERT INTO turn_allocations (username, peer_addr, closed_at) VALUES ($1, $2, now())",
        )
        .bind(&username)
        .bind(&peer)
        .execute(&pool)
        .await;
        if let Err(e) = recorded {
            tracing::error!(error = %e, %username, "failed to record allocation");
            continue;
        }

        if let Some(audit) = AUDIT_CONN.get() {
            let mut conn = audit.lock().await;
            let _ = sqlx::query("INSERT INTO turn_audit (username, event) VALUES ($1, 'allocation_closed')")
                .bind(&username)
                .execute(&mut **conn)
                .await;
        }

        let http = reqwest::Client::new();
        let body = serde_json::json!({
            "username": username,
            "peer": peer,
            "event": "allocation_closed",
        });
        if let Err(e) = http.post(&billing_url).json(&body).send().await {
            tracing::warn!(error = %e, "billing webhook failed");
        }
    }
}
