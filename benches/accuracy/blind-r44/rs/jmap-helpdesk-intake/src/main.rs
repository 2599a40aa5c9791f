//! Turns mail arriving in the support@ mailbox into helpdesk tickets.
//! Listens on the JMAP EventSource push channel; every StateChange that
//! touches Email triggers an intake pass.

mod clients;
mod intake;

use std::sync::Arc;

use futures_util::StreamExt;
use jmap_client::{mailbox, TypeState};
use tracing::{error, info};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let jmap = clients::jmap_with_retry(
        &std::env::var("JMAP_URL")?,
        &std::env::var("JMAP_USER")?,
        &std::env::var("JMAP_PASSWORD")?,
    )
    .await?;
    let pool = clients::pg_pool(&std::env::var("DATABASE_URL")?).await?;
    let http = clients::http()?;

    let inbox_id = jmap
        .mailbox_query(mailbox::query::Filter::role(mailbox::Role::Inbox).into(), None::<Vec<_>>)
        .await?
        .take_ids()
        .pop()
        .ok_or_else(|| anyhow::anyhow!("support mailbox has no Inbox"))?;

    let ctx = Arc::new(intake::Intake {
        jmap,
        pool,
        http,
        inbox_id,
        slack_webhook: std::env::var("SLACK_WEBHOOK_URL")?,
        pass_lock: tokio::sync::Mutex::new(()),
    });

    // Catch up on anything that arrived while we were down.
    ctx.run_pass().await?;

    let mut events = ctx
        .jmap
        .event_source([TypeState::Email].into(), false, 60.into(), None)
        .await?;
    info!("listening for JMAP push events");

    while let Some(event) = events.next().await {
        let changes = match event {
            Ok(c) => c,
            Err(e) => {
                error!(error = %e, "event source error");
                continue;
            }
        };
        let touches_email = changes.changed_accounts().any(|account| {
            changes
                .changes(account)
                .map(|mut c| c.any(|(ty, _)| matches!(ty, TypeState::Email)))
                .unwrap_or(false)
        });
        if !touches_email {
            continue;
        }

        let ctx = Arc::clone(&ctx);
        tokio::spawn(async move {
            if let Err(e) = ctx.run_pass().await {
                error!(error = %e, "intake pass failed");
            }
        });
    }

    anyhow::bail!("JMAP event source closed")
}
