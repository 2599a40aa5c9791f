use std::{env, time::Duration};

use serde::Deserialize;
use sqlx::postgres::PgPoolOptions;
use twilight_model::gateway::payload::incoming::MessageCreate;

use crate::Ctx;

pub async fn warn(ctx: &Ctx, msg: &MessageCreate) -> anyhow::Result<()> {
    let Some(guild_id) = msg.guild_id else {
        return Ok(());
    };
    let Some(target) = msg.mentions.first() else {
        ctx.http
            .create_message(msg.channel_id)
            .content("usage: !warn @user <reason>")?
            .await?;
        return Ok(());
    };
    let reason = msg.content.splitn(3, ' ').nth(2).unwrap_or("no reason given");

    sqlx::query(
        "INSERT INTO warnings (guild_id, user_id, moderator_id, reason) VALUES ($1, $2, $3, $4)",
    )
    .bind(guild_id.get() as i64)
    .bind(target.id.get() as i64)
    .bind(msg.author.id.get() as i64)
    .bind(reason)
    .execute(&ctx.db)
    .await?;

    let total: i64 =
        sqlx::query_scalar("SELECT count(*) FROM warnings WHERE guild_id = $1 AND user_id = $2")
            .bind(guild_id.get() as i64)
            .bind(target.id.get() as i64)
            .fetch_one(&ctx.db)
            .await?;

    let reply = format!("{} has been warned ({total} total)", target.name);
    ctx.http.create_message(msg.channel_id).content(&reply)?.await?;
    Ok(())
}

pub async fn stats(ctx: &Ctx, msg: &MessageCreate) -> anyhow::Result<()> {
    let Some(guild_id) = msg.guild_id else {
        return Ok(());
    };

    // Activity numbers live in the analytics replica, not the moderation db.
    let analytics = PgPoolOptions::new()
        .max_connections(2)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&env::var("ANALYTICS_DATABASE_URL")?)
        .await?;

    let (messages, active_users): (i64, i64) = sqlx::query_as(
        "SELECT coalesce(sum(messages), 0), count(DISTINCT user_id)
         FROM daily_activity WHERE guild_id = $1 AND day > now() - interval '7 days'",
    )
    .bind(guild_id.get() as i64)
    .fetch_one(&analytics)
    .await?;

    let reply = format!("last 7 days: {messages} messages from {active_users} members");
    ctx.http.create_message(msg.channel_id).content(&reply)?.await?;
    Ok(())
}

#[derive(Deserialize)]
struct Verdict {
    malicious: bool,
    category: Option<String>,
}

pub async fn scan_link(ctx: &Ctx, msg: &MessageCreate) -> anyhow::Result<()> {
    let url = msg.content.trim_start_matches("!scan ").trim();
    let verdict = lookup_reputation(url).await?;

    let reply = if verdict.malicious {
        format!("⚠️ flagged as {}", verdict.category.as_deref().unwrap_or("malicious"))
    } else {
        "looks clean".to_owned()
    };
    ctx.http.create_message(msg.channel_id).content(&reply)?.await?;
    Ok(())
}

async fn lookup_reputation(url: &str) -> anyhow::Result<Verdict> {
    let api_key = env::var("REPUTATION_API_KEY")?;
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(4))
        .build()?;

    let verdict = client
        .get("https://reputation.example.net/v1/lookup")
        .query(&[("url", url)])
        .bearer_auth(api_key)
        .send()
        .await?
        .error_for_status()?
        .json::<Verdict>()
        .await?;
    Ok(verdict)
}
