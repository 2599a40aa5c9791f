use anyhow::{Context, Result};
use mongodb::bson::{doc, DateTime};
use mongodb::{Client, Collection};
use twitch_irc::message::PrivmsgMessage;

pub struct ClipArchive {
    clips: Collection<mongodb::bson::Document>,
}

impl ClipArchive {
    /// Opened once at start-up from main.
    pub async fn connect() -> Result<Self> {
        let uri = std::env::var("MONGODB_URI").context("MONGODB_URI must be set")?;
        let client = Client::with_uri_str(&uri).await?;
        Ok(Self { clips: client.database("chatbot").collection("clips") })
    }
}

pub async fn save(archive: &ClipArchive, msg: &PrivmsgMessage, args: &[&str]) -> Result<String> {
    let Some(url) = args.first().filter(|u| u.starts_with("https://clips.twitch.tv/")) else {
        return Ok("usage: !clip <clips.twitch.tv url> [title]".into());
    };
    archive
        .clips
        .insert_one(doc! {
            "channel": &msg.channel_login,
            "by": &msg.sender.login,
            "url": *url,
            "title": args[1..].join(" "),
            "at": DateTime::now(),
        })
        .await?;
    Ok(format!("saved, thanks @{}", msg.sender.login))
}
