//! Telegram bot used by warehouse pickers and shift leads.
//! Commands: /stock <sku>, /pick <order>, /done, /abort, /report

mod db;
mod handlers;
mod reports;

use std::sync::Arc;

use grammers_client::{Client, Config, InitParams};
use grammers_session::Session;

const SESSION_FILE: &str = "warehouse-bot.session";

pub struct BotState {
    pub rb: rbatis::RBatis,
    pub reports: reports::Reports,
    pub rate_limit_redis: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    simple_logger::init_with_level(log::Level::Info)?;

    let api_id: i32 = std::env::var("TG_API_ID")?.parse()?;
    let api_hash = std::env::var("TG_API_HASH")?;
    let token = std::env::var("TG_BOT_TOKEN")?;
    let database_url = std::env::var("WMS_DATABASE_URL")?;

    let state = Arc::new(BotState {
        rb: db::connect(&database_url).await?,
        reports: reports::Reports::open(&database_url).await?,
        rate_limit_redis: std::env::var("RATE_LIMIT_REDIS").unwrap_or_else(|_| "redis://127.0.0.1:6379/2".into()),
    });

    let client = Client::connect(Config {
        session: Session::load_file_or_create(SESSION_FILE)?,
        api_id,
        api_hash,
        params: InitParams { catch_up: true, ..Default::default() },
    })
    .await?;

    if !client.is_authorized().await? {
        client.bot_sign_in(&token).await?;
        client.session().save_to_file(SESSION_FILE)?;
    }
    log::info!("warehouse bot online");

    loop {
        let update = tokio::select! {
            _ = tokio::signal::ctrl_c() => break,
            upd = client.next_update() => upd?,
        };
        let client = client.clone();
        let state = state.clone();
        tokio::spawn(async move {
            if let Err(e) = handlers::handle_update(client, state, update).await {
                log::error!("update failed: {e:#}");
            }
        });
    }

    client.session().save_to_file(SESSION_FILE)?;
    Ok(())
}
