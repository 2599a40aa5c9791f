use std::sync::LazyLock;
use std::time::Duration;

use redis::AsyncCommands;

use crate::Ctx;

static HTTP: LazyLock<reqwest::Client> = LazyLock::new(|| {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(4))
        .build()
        .expect("http client")
});

/// Called for every PRIVMSG the bot sees.
pub async fn dispatch(ctx: &Ctx, nick: &str, text: &str) -> Option<String> {
    let mut parts = text.splitn(2, ' ');
    let cmd = parts.next()?;
    let rest = parts.next().unwrap_or("").trim();
    let res = match cmd {
        "!standup" => standup(ctx, nick, rest).await,
        "!karma" => karma(ctx, rest).await,
        "!status" => status(rest).await,
        _ => return None,
    };
    Some(res.unwrap_or_else(|e| format!("{nick}: error: {e}")))
}

async fn standup(ctx: &Ctx, nick: &str, note: &str) -> anyhow::Result<String> {
    let mut tx = ctx.pool.begin().await?;
    sqlx::query(
        "INSERT INTO standups (nick, note, day) VALUES ($1, $2, current_date) \
         ON CONFLICT (nick, day) DO UPDATE SET note = EXCLUDED.note",
    )
    .bind(nick)
    .bind(note)
    .execute(&mut *tx)
    .await?;
    let (count,): (i64,) = sqlx::query_as("SELECT count(*) FROM standups WHERE day = current_date")
        .fetch_one(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(format!("{nick}: noted ({count} updates today)"))
}

async fn karma(ctx: &Ctx, who: &str) -> anyhow::Result<String> {
    let who = who.trim_end_matches("++");
    let mut conn = ctx.redis.clone();
    let score: i64 = conn.incr(format!("karma:{who}"), 1).await?;
    Ok(format!("{who} now has {score} karma"))
}

async fn status(service: &str) -> anyhow::Result<String> {
    let base = std::env::var("STATUS_API").unwrap_or_else(|_| "https://status.internal".into());
    let body: serde_json::Value = HTTP
        .get(format!("{base}/api/v1/services/{service}"))
        .send()
        .await?
        .json()
        .await?;
    Ok(format!("{service}: {}", body["state"].as_str().unwrap_or("unknown")))
}
