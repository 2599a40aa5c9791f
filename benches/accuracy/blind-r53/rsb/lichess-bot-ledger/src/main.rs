use std::sync::Arc;

use futures_util::StreamExt;
use tracing::{info, warn};

mod db;
mod game;
mod lichess;
mod ratings;

use lichess::{BotEvent, Lichess};

pub struct Bot {
    pub api: Lichess,
    pub ledger: sqlx::PgPool,
    pub ratings: ratings::RatingStore,
    pub club_id: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();

    let token = std::env::var("LICHESS_BOT_TOKEN")?;
    let database_url = std::env::var("DATABASE_URL")?;

    let bot = Arc::new(Bot {
        api: Lichess::new(&token)?,
        ledger: db::connect(&database_url).await?,
        ratings: ratings::RatingStore::connect(&database_url).await?,
        club_id: std::env::var("CLUB_ID").unwrap_or_else(|_| "riverside-chess".into()),
    });

    let account = bot.api.account().await?;
    info!(bot = %account.username, "streaming incoming events");

    loop {
        let mut events = match bot.api.stream_events().await {
            Ok(s) => Box::pin(s),
            Err(e) => {
                warn!("event stream failed to open: {e:#}");
                tokio::time::sleep(std::time::Duration::from_secs(10)).await;
                continue;
            }
        };

        while let Some(event) = events.next().await {
            match event {
                Ok(BotEvent::Challenge { challenge }) => {
                    let accept = db::is_club_member(&bot.ledger, &challenge.challenger.id).await?
                        && challenge.variant.key == "standard"
                        && !challenge.rated;
                    if accept {
                        bot.api.accept_challenge(&challenge.id).await?;
                    } else {
                        bot.api.decline_challenge(&challenge.id, "casual").await?;
                    }
                }
                Ok(BotEvent::GameStart { game }) => {
                    let bot = bot.clone();
                    tokio::spawn(async move {
                        if let Err(e) = game::play(bot, game).await {
                            warn!("game task ended with error: {e:#}");
                        }
                    });
                }
                Ok(BotEvent::GameFinish { game }) => {
                    info!(game = %game.game_id, "finished");
                }
                Ok(BotEvent::Other) => {}
                Err(e) => {
                    warn!("bad event line: {e:#}");
                    break;
                }
            }
        }
    }
}
