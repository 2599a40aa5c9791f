mod handler;

use std::time::Duration;

use mongodb::bson::doc;
use tgbot::api::Client;
use tgbot::handler::LongPoll;

async fn connect_mongo(uri: &str) -> anyhow::Result<mongodb::Client> {
    let client = mongodb::Client::with_uri_str(uri).await?;
    // wait for the replica set to become reachable, then keep this one client
    for attempt in 1..=20 {
        match client.database("admin").run_command(doc! { "ping": 1 }).await {
            Ok(_) => break,
            Err(e) if attempt < 20 => {
                log::warn!("mongo not ready (attempt {attempt}): {e}");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(client)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();
    let token = std::env::var("TGBOT_TOKEN")?;
    let mongo = connect_mongo(&std::env::var("MONGO_URI")?).await?;

    let bot = Client::new(token)?;
    let helpdesk = handler::Helpdesk {
        bot: bot.clone(),
        tickets: mongo.database("helpdesk").collection("tickets"),
        http: reqwest::Client::builder().timeout(Duration::from_secs(5)).build()?,
        triage_url: std::env::var("TRIAGE_URL")?,
    };

    LongPoll::new(bot, helpdesk).run().await;
    mongo.shutdown().await;
    Ok(())
}
