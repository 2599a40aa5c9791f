//! Chat relay with toxicity screening through the trust & safety service.

use serde::Deserialize;
use std::time::Duration;
use valence::message::{ChatMessageEvent, SendMessage};
use valence::prelude::*;

pub struct ModerationPlugin;

impl Plugin for ModerationPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(Update, screen_chat);
    }
}

#[derive(Deserialize)]
struct Verdict {
    allowed: bool,
    #[serde(default)]
    note: Option<String>,
}

fn screen_chat(
    mut events: EventReader<ChatMessageEvent>,
    mut clients: Query<(&Username, &mut Client)>,
) {
    let endpoint = std::env::var("TNS_URL")
        .unwrap_or_else(|_| "http://tns.internal:8080/v1/screen".to_string());

    for event in events.read() {
        let Ok((sender, _)) = clients.get(event.client) else {
            continue;
        };
        let sender = sender.0.clone();

        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_millis(400))
            .build()
            .expect("http client");
        let verdict = http
            .post(&endpoint)
            .json(&serde_json::json!({ "player": sender, "text": &*event.message }))
            .send()
            .and_then(|r| r.json::<Verdict>())
            .unwrap_or(Verdict { allowed: true, note: None });

        if !verdict.allowed {
            if let Ok((_, mut client)) = clients.get_mut(event.client) {
                let note = verdict.note.unwrap_or_else(|| "message blocked".into());
                client.send_chat_message(note.color(Color::RED));
            }
            continue;
        }

        let line = format!("<{sender}> ").color(Color::AQUA) + event.message.to_string().color(Color::WHITE);
        for (_, mut client) in &mut clients {
            client.send_chat_message(line.clone());
        }
    }
}
