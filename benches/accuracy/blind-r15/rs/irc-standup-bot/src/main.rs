mod commands;
mod db;

use futures::StreamExt;
use irc::client::prelude::*;

pub struct Ctx {
    pub pool: sqlx::PgPool,
    pub redis: redis::aio::ConnectionManager,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = db::make_pool().await?;
    let redis = redis::Client::open(std::env::var("REDIS_URL")?)?
        .get_connection_manager()
        .await?;
    let ctx = Ctx { pool, redis };

    let config = Config::load("bot.toml")?;
    let mut client = Client::from_config(config).await?;
    client.identify()?;

    let mut stream = client.stream()?;
    while let Some(message) = stream.next().await.transpose()? {
        if let Command::PRIVMSG(_, ref text) = message.command {
            let (Some(channel), Some(nick)) = (message.response_target(), message.source_nickname()) else {
                continue;
            };
            if let Some(reply) = commands::dispatch(&ctx, nick, text).await {
                client.send_privmsg(channel, reply)?;
            }
        }
    }
    Ok(())
}
