//! Pushes live volume changes to the wall panel (it subscribes to Redis).

use serde_json::json;

pub fn publish_volume(client_id: &str, percent: i32, muted: bool) {
    let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let payload = json!({ "client": client_id, "percent": percent, "muted": muted }).to_string();
    let sent = redis::Client::open(url)
        .and_then(|client| client.get_connection())
        .and_then(|mut conn| {
            redis::cmd("PUBLISH")
                .arg("snapcast:volume")
                .arg(&payload)
                .query::<i64>(&mut conn)
        });
    if let Err(e) = sent {
        log::debug!("panel publish failed: {e}");
    }
}
