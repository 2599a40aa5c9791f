use std::sync::OnceLock;
use std::time::Duration;

use serde::Serialize;

static HTTP: OnceLock<reqwest::Client> = OnceLock::new();

fn http() -> &'static reqwest::Client {
    HTTP.get_or_init(|| {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .user_agent(concat!("tauri-notes/", env!("CARGO_PKG_VERSION")))
            .build()
            .expect("failed to build http client")
    })
}

#[derive(Serialize)]
pub struct PushBody<'a> {
    pub id: i64,
    pub title: &'a str,
    pub body: &'a str,
}

pub async fn push(endpoint: &str, token: &str, note: PushBody<'_>) -> Result<(), reqwest::Error> {
    http()
        .put(format!("{endpoint}/notes/{}", note.id))
        .bearer_auth(token)
        .json(&note)
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
