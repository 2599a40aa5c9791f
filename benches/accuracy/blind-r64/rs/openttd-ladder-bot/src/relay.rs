use serde_json::json;

/// Mirror in-game public chat into the #openttd Discord channel.
pub async fn to_discord(player: &str, text: &str) -> anyhow::Result<()> {
    let webhook = std::env::var("DISCORD_WEBHOOK_URL")?;
    let http = reqwest::Client::new();
    http.post(webhook)
        .json(&json!({ "username": format!("{player} (in game)"), "content": text }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
