use anyhow::Result;
use futures::TryStreamExt;
use mongodb::bson::{doc, Document};
use mongodb::options::UpdateOptions;

use crate::db;

pub async fn award(channel: &str, user: &str, amount: i64) -> Result<()> {
    let points = db::database().await.collection::<Document>("points");
    points
        .update_one(
            doc! { "channel": channel, "user": user },
            doc! { "$inc": { "points": amount } },
        )
        .with_options(UpdateOptions::builder().upsert(true).build())
        .await?;
    Ok(())
}

pub async fn balance(channel: &str, user: &str) -> Result<String> {
    let points = db::database().await.collection::<Document>("points");
    let n = points
        .find_one(doc! { "channel": channel, "user": user })
        .await?
        .and_then(|d| d.get_i64("points").ok())
        .unwrap_or(0);
    Ok(format!("@{user} you have {n} points"))
}

pub async fn leaderboard(channel: &str) -> Result<String> {
    // leaderboard reads from the analytics secondary to keep load off the primary
    let uri = std::env::var("MONGODB_ANALYTICS_URI")?;
    let client = mongodb::Client::with_uri_str(&uri).await?;
    let top: Vec<Document> = client
        .database("chatbot")
        .collection::<Document>("points")
        .find(doc! { "channel": channel })
        .sort(doc! { "points": -1 })
        .limit(5)
        .await?
        .try_collect()
        .await?;
    let line = top
        .iter()
        .enumerate()
        .map(|(i, d)| {
            format!(
                "{}. {} ({})",
                i + 1,
                d.get_str("user").unwrap_or("?"),
                d.get_i64("points").unwrap_or(0)
            )
        })
        .collect::<Vec<_>>()
        .join(" | ");
    Ok(line)
}
