mod clips;
mod commands;
mod db;
mod router;

use std::sync::Arc;

use anyhow::{Context, Result};
use sqlx::postgres::PgPoolOptions;
use twitch_irc::login::StaticLoginCredentials;
use twitch_irc::{ClientConfig, SecureTCPTransport, TwitchIRCClient};

pub type Irc = TwitchIRCClient<SecureTCPTransport, StaticLoginCredentials>;

pub struct Bot {
    pub irc: Irc,
    pub pg: sqlx::PgPool,
    pub clips: clips::ClipArchive,
    pub raffles: commands::raffle::OpenRaffles,
}

#[tokio::main]
async fn main() -> Result<()> {
    let login = std::env::var("TWITCH_LOGIN").context("TWITCH_LOGIN must be set")?;
    let token = std::env::var("TWITCH_OAUTH_TOKEN").context("TWITCH_OAUTH_TOKEN must be set")?;
    let channels = std::env::var("TWITCH_CHANNELS").context("TWITCH_CHANNELS must be set")?;

    let pg = PgPoolOptions::new()
        .max_connections(8)
        .connect(&std::env::var("DATABASE_URL").context("DATABASE_URL must be set")?)
        .await?;
    let clips = clips::ClipArchive::connect().await?;

    let config = ClientConfig::new_simple(StaticLoginCredentials::new(login, Some(token)));
    let (mut incoming, irc) = Irc::new(config);

    let bot = Arc::new(Bot { irc: irc.clone(), pg, clips, raffles: Default::default() });

    let reader = tokio::spawn(async move {
        while let Some(message) = incoming.recv().await {
            let bot = bot.clone();
            tokio::spawn(async move {
                if let Err(e) = router::handle(&bot, message).await {
                    eprintln!("handler error: {e:#}");
                }
            });
        }
    });

    for channel in channels.split(',') {
        irc.join(channel.trim().to_lowercase())?;
    }
    reader.await?;
    Ok(())
}
