use bson::doc;
use mastodon_async::entities::notification::Notification;
use mastodon_async::prelude::*;
use redis::AsyncCommands;

use crate::store;

const REPORTS_PER_HOUR: i64 = 5;

async fn within_rate_limit(acct: &str) -> anyhow::Result<bool> {
    let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/0".into());
    let redis = redis::Client::open(url)?;
    let mut con = redis.get_multiplexed_async_connection().await?;
    let key = format!("modbot:reports:{acct}");
    let n: i64 = con.incr(&key, 1).await?;
    if n == 1 {
        let _: () = con.expire(&key, 3600).await?;
    }
    Ok(n <= REPORTS_PER_HOUR)
}

pub async fn handle(client: &Mastodon, n: Notification) -> anyhow::Result<()> {
    let Some(status) = n.status else { return Ok(()) };
    let text = status.content.to_lowercase();
    if !text.contains("report") {
        return Ok(());
    }
    let reporter = n.account.acct.clone();

    if !within_rate_limit(&reporter).await? {
        log::warn!("{reporter} is over the report rate limit");
        return Ok(());
    }

    let db = store::connect().await?;
    db.collection::<bson::Document>("reports")
        .insert_one(doc! {
            "status_id": status.id.to_string(),
            "reporter": &reporter,
            "text": &status.content,
            "in_reply_to": status.in_reply_to_id.map(|id| id.to_string()),
            "received_at": bson::DateTime::now(),
        })
        .await?;

    let reply = StatusBuilder::new()
        .status(format!("@{reporter} thanks, the moderators have been notified."))
        .in_reply_to(status.id.to_string())
        .visibility(Visibility::Direct)
        .build()?;
    client.new_status(reply).await?;
    Ok(())
}
