mod weather;

use mongodb::bson::{doc, Document};
use serenity::async_trait;
use serenity::model::channel::Message;
use serenity::model::gateway::Ready;
use serenity::prelude::*;

struct Handler {
    mongo_uri: String,
}

impl Handler {
    async fn record(&self, msg: &Message) -> mongodb::error::Result<()> {
        let mongo = mongodb::Client::with_uri_str(&self.mongo_uri).await?;
        let messages = mongo.database("discord_stats").collection::<Document>("messages");
        messages
            .insert_one(doc! {
                "guild_id": msg.guild_id.map(|g| g.get() as i64),
                "channel_id": msg.channel_id.get() as i64,
                "author_id": msg.author.id.get() as i64,
                "length": msg.content.len() as i64,
                "at": chrono::Utc::now().timestamp(),
            })
            .await?;
        Ok(())
    }
}

#[async_trait]
impl EventHandler for Handler {
    async fn message(&self, ctx: Context, msg: Message) {
        if msg.author.bot {
            return;
        }

        if let Err(err) = self.record(&msg).await {
            tracing::warn!(?err, "failed to record message");
        }

        if let Some(city) = msg.content.strip_prefix("!weather ") {
            let http = weather::client();
            let reply = match weather::current(&http, city.trim()).await {
                Ok(text) => text,
                Err(err) => format!("could not fetch weather: {err}"),
            };
            if let Err(err) = msg.channel_id.say(&ctx.http, reply).await {
                tracing::warn!(?err, "failed to reply");
            }
        }
    }

    async fn ready(&self, _: Context, ready: Ready) {
        tracing::info!("{} is connected", ready.user.name);
    }
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt().init();

    let token = std::env::var("DISCORD_TOKEN").expect("DISCORD_TOKEN not set");
    let mongo_uri =
        std::env::var("MONGODB_URI").unwrap_or_else(|_| "mongodb://localhost:27017".into());

    let intents = GatewayIntents::GUILD_MESSAGES
        | GatewayIntents::DIRECT_MESSAGES
        | GatewayIntents::MESSAGE_CONTENT;

    let mut client = Client::builder(&token, intents)
        .event_handler(Handler { mongo_uri })
        .await
        .expect("error creating client");

    if let Err(why) = client.start().await {
        tracing::error!("client error: {why:?}");
    }
}
