use std::sync::LazyLock;
use std::time::Duration;

use serde::Deserialize;

static HTTP: LazyLock<reqwest::Client> = LazyLock::new(|| {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(2))
        .build()
        .expect("moderation http client")
});

static MODERATION_URL: LazyLock<String> = LazyLock::new(|| {
    std::env::var("MODERATION_URL").unwrap_or_else(|_| "http://moderation.internal/v1/check".into())
});

fn client() -> &'static reqwest::Client {
    &HTTP
}

#[derive(Deserialize)]
struct Verdict {
    flagged: bool,
}

pub async fn flagged(text: &str) -> anyhow::Result<bool> {
    let verdict: Verdict = client()
        .post(MODERATION_URL.as_str())
        .json(&serde_json::json!({ "text": text }))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(verdict.flagged)
}
