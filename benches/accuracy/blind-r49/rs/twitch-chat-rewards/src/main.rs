mod store;

use std::env;

use anyhow::Result;
use serde_json::json;
use twitch_irc::login::StaticLoginCredentials;
use twitch_irc::message::{PrivmsgMessage, ServerMessage};
use twitch_irc::{ClientConfig, SecureTCPTransport, TwitchIRCClient};

type Irc = TwitchIRCClient<SecureTCPTransport, StaticLoginCredentials>;

async fn redeem_alert(channel: &str, viewer: &str, balance: i64) -> Result<()> {
    let overlay = env::var("OVERLAY_URL").unwrap_or_else(|_| "http://127.0.0.1:4100/alert".into());
    let http = reqwest::Client::new();
    http.post(overlay)
        .json(&json!({ "channel": channel, "viewer": viewer, "balance": balance }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

async fn on_privmsg(irc: &Irc, msg: PrivmsgMessage) -> Result<()> {
    let pool = store::open_pool();
    let viewer = msg.sender.login.clone();
    let channel = msg.channel_login.clone();

    let earned = if msg.message_text.starts_with('!') { 0 } else { 1 };
    let balance = store::add_points(&pool, &channel, &viewer, earned).await?;

    if msg.message_text.trim() == "!points" {
        irc.say(channel.clone(), format!("@{viewer} you have {balance} points"))
            .await?;
    } else if msg.message_text.trim() == "!hype" && balance >= 500 {
        store::add_points(&pool, &channel, &viewer, -500).await?;
        redeem_alert(&channel, &viewer, balance - 500).await?;
    }
    Ok(())
}

#[tokio::main]
async fn main() -> Result<()> {
    let login = env::var("TWITCH_LOGIN")?;
    let token = env::var("TWITCH_OAUTH")?;
    let channels: Vec<String> = env::var("TWITCH_CHANNELS")?
        .split(',')
        .map(|c| c.trim().to_lowercase())
        .collect();

    let config = ClientConfig::new_simple(StaticLoginCredentials::new(login, Some(token)));
    let (mut incoming, irc) = Irc::new(config);

    let reader_irc = irc.clone();
    let reader = tokio::spawn(async move {
        while let Some(message) = incoming.recv().await {
            if let ServerMessage::Privmsg(msg) = message {
                if let Err(e) = on_privmsg(&reader_irc, msg).await {
                    eprintln!("privmsg: {e:#}");
                }
            }
        }
    });

    for channel in channels {
        irc.join(channel)?;
    }
    reader.await?;
    Ok(())
}
