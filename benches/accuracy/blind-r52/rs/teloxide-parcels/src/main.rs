mod carrier;
mod db;
mod handlers;

use std::time::Duration;
use teloxide::{prelude::*, utils::command::BotCommands};

#[derive(BotCommands, Clone)]
#[command(rename_rule = "lowercase", description = "Parcel tracking commands:")]
pub enum Command {
    #[command(description = "show this help")]
    Help,
    #[command(description = "start tracking a parcel: /track <number>")]
    Track(String),
    #[command(description = "list the parcels you track")]
    List,
    #[command(description = "stop tracking a parcel: /untrack <number>")]
    Untrack(String),
}

#[tokio::main]
async fn main() {
    pretty_env_logger::init();
    log::info!("starting parcel bot");

    let bot = Bot::from_env();

    // Both clients are built exactly once and injected into every handler.
    let pool = db::connect_with_retry().await;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(8))
        .user_agent("parcel-bot/0.9")
        .build()
        .expect("http client");
    let carrier = carrier::CarrierApi::new(http, std::env::var("CARRIER_API_KEY").unwrap_or_default());

    let handler = Update::filter_message()
        .branch(
            dptree::entry()
                .filter_command::<Command>()
                .endpoint(handlers::command),
        )
        .branch(dptree::endpoint(handlers::free_text));

    Dispatcher::builder(bot, handler)
        .dependencies(dptree::deps![pool, carrier])
        .enable_ctrlc_handler()
        .build()
        .dispatch()
        .await;
}
