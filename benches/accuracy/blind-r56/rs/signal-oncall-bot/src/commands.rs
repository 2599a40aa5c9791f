//! `!command` handling. `dispatch` runs once for every command message the
//! bot receives from the group.

use presage::libsignal_service::content::{Content, ContentBody, DataMessage};
use presage::manager::Registered;
use presage::store::Store;
use presage::Manager;
use redis::AsyncCommands;
use sqlx::PgPool;
use std::time::{SystemTime, UNIX_EPOCH};

pub async fn dispatch(db: &PgPool, sender: &str, text: &str) -> anyhow::Result<String> {
    let mut parts = text.split_whitespace();
    match parts.next().unwrap_or_default() {
        "!status" => status(db).await,
        "!ack" => {
            let id: i64 = parts.next().ok_or_else(|| anyhow::anyhow!("usage: !ack <incident>"))?.parse()?;
            ack(db, sender, id).await
        }
        "!who" => crate::oncall::who_is_on_call().await,
        other => Ok(format!("unknown command {other}; try !status, !ack <id>, !who")),
    }
}

async fn status(db: &PgPool) -> anyhow::Result<String> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, severity, title FROM incidents WHERE resolved_at IS NULL ORDER BY opened_at LIMIT 10",
    )
    .fetch_all(db)
    .await?;
    if rows.is_empty() {
        return Ok("✅ no open incidents".into());
    }
    Ok(rows.iter().map(|(id, sev, title)| format!("#{id} [{sev}] {title}")).collect::<Vec<_>>().join("\n"))
}

async fn ack(db: &PgPool, sender: &str, id: i64) -> anyhow::Result<String> {
    let updated = sqlx::query("UPDATE incidents SET acked_by = $1, acked_at = now() WHERE id = $2 AND acked_at IS NULL")
        .bind(sender)
        .bind(id)
        .execute(db)
        .await?
        .rows_affected();
    if updated == 0 {
        return Ok(format!("#{id} was already acknowledged or does not exist"));
    }

    // Let the status page and the escalation timer know right away.
    let redis = redis::Client::open(std::env::var("REDIS_URL")?)?;
    let mut conn = redis.get_multiplexed_async_connection().await?;
    let _: () = conn.publish("incidents:acked", id).await?;
    Ok(format!("👍 #{id} acknowledged"))
}

pub async fn reply<S: Store>(manager: &mut Manager<S, Registered>, to: &Content, text: String) -> anyhow::Result<()> {
    let timestamp = SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis() as u64;
    let ContentBody::DataMessage(incoming) = &to.body else { return Ok(()) };
    let msg = DataMessage {
        body: Some(text),
        timestamp: Some(timestamp),
        group_v2: incoming.group_v2.clone(),
        ..Default::default()
    };
    match incoming.group_v2.as_ref().and_then(|g| g.master_key.as_deref()) {
        Some(master_key) => manager.send_message_to_group(master_key, msg, timestamp).await?,
        None => manager.send_message(to.metadata.sender, msg, timestamp).await?,
    }
    Ok(())
}
