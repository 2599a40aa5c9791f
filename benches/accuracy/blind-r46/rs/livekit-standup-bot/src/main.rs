//! Silent bot that sits in the daily stand-up room: records who joined/left and
//! forwards "/blocker ..." chat messages to the team's triage webhook.

mod attendance;

use std::env;

use livekit::prelude::*;
use livekit_api::access_token::{AccessToken, VideoGrants};
use sqlx::postgres::PgPoolOptions;

#[derive(serde::Deserialize)]
struct ChatMessage {
    message: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let room_name = env::var("STANDUP_ROOM").unwrap_or_else(|_| "daily-standup".into());
    let token = AccessToken::with_api_key(&env::var("LIVEKIT_API_KEY")?, &env::var("LIVEKIT_API_SECRET")?)
        .with_identity("standup-bot")
        .with_name("Stand-up bot")
        .with_grants(VideoGrants {
            room_join: true,
            room: room_name.clone(),
            can_publish: false,
            hidden: true,
            ..Default::default()
        })
        .to_jwt()?;

    let pool = PgPoolOptions::new()
        .max_connections(4)
        .connect(&env::var("DATABASE_URL")?)
        .await?;

    let (room, mut events) = Room::connect(&env::var("LIVEKIT_URL")?, &token, RoomOptions::default()).await?;
    log::info!("joined {} ({})", room.name(), room_name);

    while let Some(event) = events.recv().await {
        match event {
            RoomEvent::ParticipantConnected(p) => {
                attendance::record_join(p.identity().as_str(), &room_name).await?;
            }
            RoomEvent::ParticipantDisconnected(p) => {
                sqlx::query("UPDATE attendance SET left_at = now() WHERE identity = $1 AND room = $2 AND left_at IS NULL")
                    .bind(p.identity().as_str())
                    .bind(&room_name)
                    .execute(&pool)
                    .await?;
            }
            RoomEvent::DataReceived { payload, topic, participant, .. } => {
                if topic.as_deref() != Some("lk-chat-topic") {
                    continue;
                }
                let Ok(chat) = serde_json::from_slice::<ChatMessage>(&payload) else { continue };
                let Some(text) = chat.message.strip_prefix("/blocker ") else { continue };
                let who = participant.map(|p| p.identity().as_str().to_owned()).unwrap_or_default();

                let triage = reqwest::Client::builder()
                    .timeout(std::time::Duration::from_secs(5))
                    .build()?;
                triage
                    .post(env::var("TRIAGE_WEBHOOK")?)
                    .json(&serde_json::json!({ "reporter": who, "text": text, "room": room_name }))
                    .send()
                    .await?
                    .error_for_status()?;
            }
            RoomEvent::Disconnected { reason } => {
                log::warn!("disconnected from room: {reason:?}");
                break;
            }
            _ => {}
        }
    }
    Ok(())
}
