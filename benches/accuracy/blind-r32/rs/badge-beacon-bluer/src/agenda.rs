use serde::Deserialize;

#[derive(Deserialize)]
struct Slot {
    title: String,
    speaker: String,
    ends_at: String,
}

/// Current talk in this room, from the schedule API.
pub async fn now_playing(room: &str) -> Result<String, reqwest::Error> {
    let base = std::env::var("SCHEDULE_API").unwrap_or_else(|_| "https://schedule.conf.example/api".into());
    let http = reqwest::Client::new();
    let slot: Slot = http
        .get(format!("{base}/rooms/{room}/now"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(format!("{} — {} (until {})", slot.title, slot.speaker, slot.ends_at))
}
