mod commands;

use std::{env, sync::Arc};

use sqlx::postgres::PgPoolOptions;
use twilight_gateway::{Event, Intents, Shard, ShardId};
use twilight_http::Client as HttpClient;

pub struct Ctx {
    pub http: HttpClient,
    pub db: sqlx::PgPool,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let token = env::var("DISCORD_TOKEN")?;

    // Moderation database: one pool for the whole bot.
    let db = PgPoolOptions::new()
        .max_connections(8)
        .connect(&env::var("DATABASE_URL")?)
        .await?;

    let ctx = Arc::new(Ctx {
        http: HttpClient::new(token.clone()),
        db,
    });

    let intents = Intents::GUILD_MESSAGES | Intents::MESSAGE_CONTENT;
    let mut shard = Shard::new(ShardId::ONE, token, intents);

    loop {
        let event = match shard.next_event().await {
            Ok(event) => event,
            Err(source) => {
                tracing::warn!(?source, "error receiving event");
                if source.is_fatal() {
                    break;
                }
                continue;
            }
        };

        let ctx = Arc::clone(&ctx);
        tokio::spawn(async move {
            if let Err(err) = handle_event(event, ctx).await {
                tracing::error!(?err, "handler failed");
            }
        });
    }

    Ok(())
}

async fn handle_event(event: Event, ctx: Arc<Ctx>) -> anyhow::Result<()> {
    match event {
        Event::MessageCreate(msg) if msg.author.bot => Ok(()),
        Event::MessageCreate(msg) if msg.content.starts_with("!warn ") => {
            commands::warn(&ctx, &msg).await
        }
        Event::MessageCreate(msg) if msg.content == "!stats" => {
            commands::stats(&ctx, &msg).await
        }
        Event::MessageCreate(msg) if msg.content.starts_with("!scan ") => {
            commands::scan_link(&ctx, &msg).await
        }
        Event::Ready(ready) => {
            tracing::info!(user = %ready.user.name, "connected to gateway");
            Ok(())
        }
        _ => Ok(()),
    }
}
