mod audit;
mod store;

use megalodon::entities::notification::NotificationType;
use megalodon::entities::{Notification, StatusVisibility};
use megalodon::megalodon::PostStatusInputOptions;
use megalodon::streaming::Message;
use megalodon::{Megalodon, SNS};
use redis::AsyncCommands;
use sqlx::PgPool;
use std::sync::Arc;

struct Bot {
    client: Box<dyn Megalodon + Send + Sync>,
    reports: PgPool,
    audit: PgPool,
    redis_url: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_env_filter("modbot=info").init();

    let base_url = std::env::var("MASTODON_URL")?;
    let token = std::env::var("MASTODON_TOKEN")?;
    let client = megalodon::generator(
        SNS::Mastodon,
        base_url,
        Some(token),
        Some("modbot/0.3".to_owned()),
    )?;

    let bot = Arc::new(Bot {
        client,
        reports: store::connect().await?,
        audit: audit::connect().await?,
        redis_url: std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()),
    });

    let streaming = bot.client.user_streaming().await;
    tracing::info!("listening on the user stream");

    let handler_bot = bot.clone();
    streaming
        .listen(Box::new(move |message| {
            let bot = handler_bot.clone();
            Box::pin(async move {
                let result = match message {
                    Message::Notification(n) => on_notification(&bot, n).await,
                    Message::Delete(status_id) => store::mark_deleted(&bot.reports, &status_id).await,
                    _ => Ok(()),
                };
                if let Err(err) = result {
                    tracing::error!(%err, "handler failed");
                }
            })
        }))
        .await;
    Ok(())
}

/// Reporters may file at most 10 reports per hour.
async fn allow_report(bot: &Bot, reporter: &str) -> anyhow::Result<bool> {
    let redis = redis::Client::open(bot.redis_url.as_str())?;
    let mut conn = redis.get_multiplexed_async_connection().await?;
    let key = format!("modbot:reports:{reporter}");
    let count: i64 = conn.incr(&key, 1).await?;
    if count == 1 {
        let _: () = conn.expire(&key, 3600).await?;
    }
    Ok(count <= 10)
}

async fn on_notification(bot: &Bot, n: Notification) -> anyhow::Result<()> {
    if n.r#type != NotificationType::Mention {
        return Ok(());
    }
    let (Some(account), Some(status)) = (n.account, n.status) else {
        return Ok(());
    };
    let text = status.content.to_lowercase();
    if !text.contains("#report") {
        return Ok(());
    }

    if !allow_report(bot, &account.acct).await? {
        audit::record(&bot.audit, &account.acct, "rate_limited", &status.id).await;
        return Ok(());
    }

    let target = status
        .in_reply_to_account_id
        .clone()
        .unwrap_or_else(|| "unknown".to_owned());
    let id = store::insert_report(
        &bot.reports,
        store::NewReport {
            reporter: &account.acct,
            target_acct: &target,
            status_id: status.in_reply_to_id.as_deref().unwrap_or(&status.id),
            reason: &status.content,
        },
    )
    .await?;
    let open = store::open_reports_against(&bot.reports, &target).await?;
    audit::record(&bot.audit, &account.acct, "report_filed", &format!("report={id}")).await;

    let reply = format!("@{} thanks, report #{id} filed ({open} open against this account).", account.acct);
    bot.client
        .post_status(
            reply,
            Some(&PostStatusInputOptions {
                in_reply_to_id: Some(status.id.clone()),
                visibility: Some(StatusVisibility::Direct),
                ..Default::default()
            }),
        )
        .await?;
    Ok(())
}
