mod lobby;

use std::sync::Arc;
use std::time::Duration;

fn main() {
    env_logger::init();
    let bind = std::env::var("LOBBY_BIND").unwrap_or_else(|_| "0.0.0.0:3012".into());

    // profile service client, shared by every session
    let profiles = Arc::new(
        reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(3))
            .build()
            .expect("profile client"),
    );

    ws::listen(bind.as_str(), |out| lobby::Lobby::new(out, profiles.clone()))
        .expect("websocket server failed");
}
