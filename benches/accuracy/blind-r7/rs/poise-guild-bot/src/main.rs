mod analytics;
mod commands;

use poise::serenity_prelude as serenity;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

/// Shared state handed to every command invocation.
pub struct Data {
    pub pool: PgPool,
}

pub type Error = Box<dyn std::error::Error + Send + Sync>;
pub type Context<'a> = poise::Context<'a, Data, Error>;

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt::init();

    let token = std::env::var("DISCORD_TOKEN").expect("missing DISCORD_TOKEN");
    let intents = serenity::GatewayIntents::non_privileged();

    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: vec![
                commands::balance(),
                commands::forecast(),
                commands::leaderboard(),
            ],
            on_error: |error| {
                Box::pin(async move {
                    tracing::error!("command failed: {error}");
                })
            },
            ..Default::default()
        })
        .setup(|ctx, _ready, framework| {
            Box::pin(async move {
                poise::builtins::register_globally(ctx, &framework.options().commands).await?;
                let pool = PgPoolOptions::new()
                    .max_connections(5)
                    .connect(&std::env::var("DATABASE_URL")?)
                    .await?;
                Ok(Data { pool })
            })
        })
        .build();

    let client = serenity::ClientBuilder::new(token, intents)
        .framework(framework)
        .await;
    client.unwrap().start().await.unwrap();
}
