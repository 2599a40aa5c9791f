use anyhow::Result;
use twitch_irc::message::{PrivmsgMessage, ServerMessage};

use crate::commands::{points, raffle, weather};
use crate::{clips, Bot};

/// Called for every message the IRC connection delivers.
pub async fn handle(bot: &Bot, message: ServerMessage) -> Result<()> {
    let ServerMessage::Privmsg(msg) = message else {
        return Ok(());
    };

    // every chat line earns a point
    points::award(&msg.channel_login, &msg.sender.login, 1).await?;

    let text = msg.message_text.trim();
    if !text.starts_with('!') {
        return Ok(());
    }
    let mut parts = text[1..].split_whitespace();
    let cmd = parts.next().unwrap_or_default().to_lowercase();
    let args: Vec<&str> = parts.collect();

    let reply = match cmd.as_str() {
        "points" => Some(points::balance(&msg.channel_login, &msg.sender.login).await?),
        "top" => Some(points::leaderboard(&msg.channel_login).await?),
        "weather" => Some(weather::lookup(&args.join(" ")).await?),
        "clip" => Some(clips::save(&bot.clips, &msg, &args).await?),
        "raffle" if is_mod(&msg) => raffle::admin(bot, &msg.channel_login, &args).await?,
        "join" => raffle::enter(bot, &msg.channel_login, &msg.sender.login).await?,
        _ => None,
    };

    if let Some(text) = reply {
        bot.irc.say(msg.channel_login.clone(), text).await?;
    }
    Ok(())
}

fn is_mod(msg: &PrivmsgMessage) -> bool {
    msg.badges.iter().any(|b| b.name == "moderator" || b.name == "broadcaster")
}
