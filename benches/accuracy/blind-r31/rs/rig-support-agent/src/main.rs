mod tools;

use redis::AsyncCommands;
use rig::completion::Prompt;
use rig::providers::openai;
use serde::Deserialize;
use sqlx::postgres::PgPoolOptions;

#[derive(Deserialize)]
struct Question {
    id: String,
    customer_id: i64,
    text: String,
}

const PREAMBLE: &str = "You are the support assistant for Parcelbird. \
Use the tools to look up orders and shipments. Only refund delivered orders.";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let database_url = std::env::var("DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(8)
        .connect(&database_url)
        .await?;

    let redis = redis::Client::open(std::env::var("REDIS_URL")?)?;
    let mut queue = redis.get_multiplexed_async_connection().await?;

    let openai = openai::Client::from_env();
    let agent = openai
        .agent(openai::GPT_4O_MINI)
        .preamble(PREAMBLE)
        .tool(tools::OrderLookup { database_url: database_url.clone() })
        .tool(tools::ShippingEta {
            carrier_api: std::env::var("CARRIER_API").unwrap_or_else(|_| "https://api.carrier.example".into()),
        })
        .tool(tools::IssueRefund { pool: pool.clone() })
        .build();

    loop {
        let (_, payload): (String, String) = queue.blpop("support:questions", 0.0).await?;
        let question: Question = match serde_json::from_str(&payload) {
            Ok(q) => q,
            Err(e) => {
                tracing::warn!("dropping malformed question: {e}");
                continue;
            }
        };
        let prompt = format!("Customer #{} asks: {}", question.customer_id, question.text);
        let answer = match agent.prompt(prompt.as_str()).await {
            Ok(a) => a,
            Err(e) => {
                tracing::error!(id = %question.id, "agent failed: {e}");
                "Sorry, a human will follow up shortly.".to_string()
            }
        };
        let _: () = queue
            .rpush(format!("support:answers:{}", question.id), answer)
            .await?;
    }
}
