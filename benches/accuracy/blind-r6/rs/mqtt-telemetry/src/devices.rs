use std::time::Duration;

use sqlx::PgPool;
use tracing::{debug, warn};

/// A device announced itself on `devices/<id>/online`: keep its `last_seen`
/// fresh while it is connected.
pub async fn track_online(pool: &PgPool, device_id: String) -> anyhow::Result<()> {
    let mut conn = pool.acquire().await?;

    sqlx::query("UPDATE devices SET online = true, last_seen = now() WHERE id = $1")
        .bind(&device_id)
        .execute(&mut *conn)
        .await?;

    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(30));
        loop {
            tick.tick().await;
            if let Err(e) = sqlx::query("UPDATE devices SET last_seen = now() WHERE id = $1")
                .bind(&device_id)
                .execute(&mut *conn)
                .await
            {
                warn!(%device_id, error = %e, "heartbeat update failed");
            }
            debug!(%device_id, "heartbeat");
        }
    });

    Ok(())
}
