mod db;
mod handlers;

use std::time::Duration;

use carapax::api::Client;
use carapax::handler::LongPoll;
use carapax::{App, Chain, CommandExt, Context};

#[tokio::main]
async fn main() {
    dotenvy::dotenv().ok();
    env_logger::init();

    let token = std::env::var("TELEGRAM_TOKEN").expect("TELEGRAM_TOKEN is not set");
    let database_url = std::env::var("DATABASE_URL").expect("DATABASE_URL is not set");
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());

    let client = Client::new(token).expect("failed to create Telegram client");
    let pool = db::make_pool(&database_url).await.expect("postgres");
    let redis = redis::Client::open(redis_url)
        .expect("redis url")
        .get_connection_manager()
        .await
        .expect("redis");
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("http client");

    let mut context = Context::default();
    context.insert(client.clone());
    context.insert(pool);
    context.insert(redis);
    context.insert(http);

    let chain = Chain::once()
        .with(handlers::spend.with_command("/spend"))
        .with(handlers::month.with_command("/month"))
        .with(handlers::rate.with_command("/rate"));

    let app = App::new(context, chain);
    LongPoll::new(client, app).run().await
}
