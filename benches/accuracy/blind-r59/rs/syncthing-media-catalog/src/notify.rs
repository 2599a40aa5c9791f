//! Posts sync status to the studio's ops chat (Mattermost-style incoming webhook).

use std::time::Duration;

fn post(text: String) {
    let Ok(url) = std::env::var("OPS_WEBHOOK") else {
        log::debug!("OPS_WEBHOOK unset, dropping: {text}");
        return;
    };
    let client = match reqwest::blocking::Client::builder().timeout(Duration::from_secs(5)).build() {
        Ok(c) => c,
        Err(e) => {
            log::error!("webhook client: {e}");
            return;
        }
    };
    let res = client
        .post(url)
        .json(&serde_json::json!({ "username": "syncthing", "text": text }))
        .send();
    if let Err(e) = res {
        log::warn!("ops webhook failed: {e}");
    }
}

pub fn sync_error(folder: &str, item: &str, error: &str) {
    post(format!(":warning: `{folder}` could not sync `{item}`: {error}"));
}

pub fn folder_complete(folder: &str, device: &str) {
    let when = chrono::Local::now().format("%H:%M");
    post(format!(":white_check_mark: `{folder}` fully synced to {device} at {when}"));
}
