use std::time::Duration;

use serde::Deserialize;

use crate::{analytics, Context, Error};

#[derive(Deserialize)]
struct Forecast {
    summary: String,
    temperature_c: f32,
}

/// Shows how many coins you have
#[poise::command(slash_command, prefix_command)]
pub async fn balance(ctx: Context<'_>) -> Result<(), Error> {
    let user_id = ctx.author().id.get() as i64;
    let coins: Option<i64> = sqlx::query_scalar("SELECT coins FROM wallets WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(&ctx.data().pool)
        .await?;
    ctx.say(format!("You have {} coins", coins.unwrap_or(0))).await?;
    Ok(())
}

/// Weather forecast for a city
#[poise::command(slash_command)]
pub async fn forecast(
    ctx: Context<'_>,
    #[description = "City name"] city: String,
) -> Result<(), Error> {
    ctx.defer().await?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .user_agent("guild-stats-bot/0.3")
        .build()?;
    let f: Forecast = http
        .get("https://weather.internal.example/v1/forecast")
        .query(&[("city", city.as_str())])
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    ctx.say(format!("{city}: {} ({:.1} °C)", f.summary, f.temperature_c))
        .await?;
    Ok(())
}

/// Most active members of this server over the last week
#[poise::command(slash_command, guild_only)]
pub async fn leaderboard(ctx: Context<'_>) -> Result<(), Error> {
    let guild_id = ctx.guild_id().map(|g| g.get() as i64).unwrap_or_default();
    let warehouse = analytics::connect().await?;
    let rows = analytics::weekly_top(&warehouse, guild_id).await?;

    let mut out = String::from("**Weekly leaderboard**\n");
    for (rank, (user_id, messages)) in rows.iter().enumerate() {
        out.push_str(&format!("{}. <@{}> — {} messages\n", rank + 1, user_id, messages));
    }
    ctx.say(out).await?;
    Ok(())
}
