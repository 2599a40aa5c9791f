//! Signal bot for the on-call group chat. Runs as a linked device of the
//! team's Signal number and reacts to `!commands` posted in the group.

mod commands;
mod oncall;

use futures::{pin_mut, StreamExt};
use presage::libsignal_service::content::ContentBody;
use presage::model::identity::OnNewIdentity;
use presage::model::messages::Received;
use presage::Manager;
use presage_store_sled::{MigrationConflictStrategy, SledStore};
use sqlx::postgres::PgPoolOptions;
use std::time::Duration;

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    // presage's Manager is !Send, so everything runs on one LocalSet.
    let local = tokio::task::LocalSet::new();
    local.block_on(&rt, run())
}

async fn run() -> anyhow::Result<()> {
    let db = PgPoolOptions::new()
        .max_connections(4)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;

    let store = SledStore::open(
        std::env::var("SIGNAL_STORE").unwrap_or_else(|_| "/var/lib/oncall-bot/signal".into()),
        MigrationConflictStrategy::Raise,
        OnNewIdentity::Trust,
    )
    .await?;
    let mut manager = Manager::load_registered(store).await?;

    // Every command is written to the audit table; keep a connection for it.
    let mut audit = db.acquire().await?;

    let messages = manager.receive_messages().await?;
    pin_mut!(messages);
    while let Some(received) = messages.next().await {
        let content = match received {
            Received::QueueEmpty => {
                tracing::info!("caught up with queued messages");
                continue;
            }
            Received::Contacts => continue,
            Received::Content(content) => content,
        };
        let ContentBody::DataMessage(msg) = &content.body else { continue };
        let Some(text) = msg.body.as_deref() else { continue };
        if !text.starts_with('!') {
            continue;
        }
        let sender = content.metadata.sender.raw_uuid().to_string();
        let reply = match commands::dispatch(&db, &sender, text).await {
            Ok(reply) => reply,
            Err(e) => format!("⚠️ {e}"),
        };
        if let Err(e) = sqlx::query("INSERT INTO bot_audit (sender, command, reply) VALUES ($1, $2, $3)")
            .bind(&sender)
            .bind(text)
            .bind(&reply)
            .execute(&mut *audit)
            .await
        {
            tracing::warn!(error = %e, "audit insert failed");
        }
        if let Err(e) = commands::reply(&mut manager, &content, reply).await {
            tracing::error!(error = %e, "failed to send reply");
        }
    }
    Ok(())
}
