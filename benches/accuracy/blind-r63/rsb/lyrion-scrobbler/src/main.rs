mod history;
mod lms;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::thread;
use std::time::Duration;

use anyhow::Result;
use serde_json::json;

struct Settings {
    server: String,
    mysql_url: String,
    listenbrainz_token: String,
    zones: HashMap<String, String>, // player MAC -> zone name
}

fn main() -> Result<()> {
    env_logger::init();
    let settings = Settings {
        server: std::env::var("LMS_HOST").unwrap_or_else(|_| "lms.bar.lan".into()),
        mysql_url: std::env::var("MYSQL_URL")?,
        listenbrainz_token: std::env::var("LISTENBRAINZ_TOKEN")?,
        zones: HashMap::from([
            ("00:04:20:2a:1b:9c".into(), "main-bar".into()),
            ("00:04:20:2a:44:01".into(), "terrace".into()),
        ]),
    };
    let scrobbler = reqwest::blocking::Client::new();

    let mut backoff = Duration::from_secs(1);
    loop {
        match listen(&settings, &scrobbler) {
            Ok(()) => log::warn!("LMS closed the CLI connection"),
            Err(e) => log::error!("CLI session failed: {e:#}"),
        }
        thread::sleep(backoff);
        backoff = (backoff * 2).min(Duration::from_secs(60));
    }
}

fn listen(settings: &Settings, scrobbler: &reqwest::blocking::Client) -> Result<()> {
    let mut stream = TcpStream::connect((settings.server.as_str(), 9090))?;
    stream.write_all(b"listen 1\n")?;
    let reader = BufReader::new(stream.try_clone()?);

    for line in reader.lines() {
        let terms = lms::decode_terms(&line?);
        // <player> playlist newsong <title> <index>
        if terms.len() < 3 || terms[1] != "playlist" || terms[2] != "newsong" {
            continue;
        }
        let player_id = &terms[0];
        let zone = settings.zones.get(player_id).map(String::as_str).unwrap_or("unknown");

        let track = match lms::current_track(&settings.server, player_id) {
            Ok(t) => t,
            Err(e) => { log::warn!("status query failed for {player_id}: {e:#}"); continue; }
        };

        let pool = history::open_pool(&settings.mysql_url)?;
        history::record_play(&pool, player_id, zone, &track)?;

        let listen = json!({
            "listen_type": "single",
            "payload": [{
                "listened_at": std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_secs(),
                "track_metadata": {"artist_name": track.artist, "track_name": track.title, "release_name": track.album},
            }],
        });
        if let Err(e) = scrobbler
            .post("https://api.listenbrainz.org/1/submit-listens")
            .header("Authorization", format!("Token {}", settings.listenbrainz_token))
            .json(&listen)
            .send()
            .and_then(|r| r.error_for_status())
        {
            log::warn!("ListenBrainz submit failed: {e}");
        }
    }
    Ok(())
}
