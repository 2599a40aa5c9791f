use std::sync::OnceLock;
use std::time::Duration;

static HTTP: OnceLock<reqwest::blocking::Client> = OnceLock::new();

fn http() -> &'static reqwest::blocking::Client {
    HTTP.get_or_init(|| {
        reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .expect("http client")
    })
}

/// Tell the AP team's chat channel that an invoice needs a human.
pub fn needs_review(webhook: &str, file: &str, reason: &str) {
    let body = serde_json::json!({ "text": format!("OCR needs review: {file} ({reason})") });
    if let Err(e) = http().post(webhook).json(&body).send() {
        eprintln!("webhook failed: {e}");
    }
}
