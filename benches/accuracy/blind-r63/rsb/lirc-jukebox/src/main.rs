mod lircd;

use std::thread;
use std::time::Duration;

use anyhow::{bail, Result};
use postgres::{Client, NoTls};
use serde_json::json;

const LIRCD_SOCKET: &str = "/var/run/lirc/lircd";

struct Jukebox {
    http: reqwest::blocking::Client,
    base: String,
}

impl Jukebox {
    fn call(&self, action: &str, body: serde_json::Value) -> Result<()> {
        self.http
            .post(format!("{}/api/{action}", self.base))
            .json(&body)
            .send()?
            .error_for_status()?;
        Ok(())
    }
}

/// Waits for the database at boot (the Pi often comes up before the network); gives up after ~2 minutes.
fn connect_db(url: &str) -> Result<Client> {
    let mut last_err = None;
    for attempt in 1..=12 {
        match Client::connect(url, NoTls) {
            Ok(client) => return Ok(client),
            Err(e) => {
                log::warn!("database not reachable (attempt {attempt}/12): {e}");
                last_err = Some(e);
                thread::sleep(Duration::from_secs(10));
            }
        }
    }
    bail!("database unreachable at start-up: {:?}", last_err)
}

fn main() -> Result<()> {
    env_logger::init();
    let db_url = std::env::var("LOUNGE_DB_URL")?;
    let mut db = connect_db(&db_url)?;
    let jukebox = Jukebox {
        http: reqwest::blocking::Client::builder().timeout(Duration::from_secs(3)).build()?,
        base: std::env::var("JUKEBOX_URL").unwrap_or_else(|_| "http://127.0.0.1:6680".into()),
    };

    // lircd restarts on USB receiver hot-plug: re-open the socket, keep the DB client and HTTP client
    loop {
        let lines = match lircd::open(LIRCD_SOCKET) {
            Ok(lines) => lines,
            Err(e) => {
                log::warn!("lircd socket unavailable: {e}");
                thread::sleep(Duration::from_secs(2));
                continue;
            }
        };
        for line in lines {
            let Ok(line) = line else { break };
            let Some(press) = lircd::parse(&line) else { continue };
            if let Err(e) = on_press(&mut db, &jukebox, &press) {
                log::error!("{} from {}: {e:#}", press.button, press.remote);
                // replace the client only when the server side is really gone
                if db.is_closed() {
                    log::warn!("lounge database connection lost, reconnecting");
                    db = connect_db(&db_url)?;
                }
            }
        }
    }
}

fn on_press(db: &mut Client, jukebox: &Jukebox, press: &lircd::Press) -> Result<()> {
    let is_volume = matches!(press.button.as_str(), "KEY_VOLUMEUP" | "KEY_VOLUMEDOWN");
    if press.repeat > 0 && !is_volume {
        return Ok(()); // held button: only volume auto-repeats
    }
    match press.button.as_str() {
        "KEY_PLAY" | "KEY_PAUSE" => jukebox.call("toggle", json!({}))?,
        "KEY_NEXT" => jukebox.call("next", json!({}))?,
        "KEY_VOLUMEUP" => jukebox.call("volume", json!({"delta": 2}))?,
        "KEY_VOLUMEDOWN" => jukebox.call("volume", json!({"delta": -2}))?,
        b if b.starts_with("KEY_") && b.len() == 5 => {
            // KEY_1..KEY_9 select the house playlists
            jukebox.call("playlist", json!({"slot": &b[4..]}))?
        }
        _ => return Ok(()),
    }
    if press.repeat == 0 {
        db.execute(
            "INSERT INTO remote_presses (remote, button, pressed_at) VALUES ($1, $2, now())",
            &[&press.remote, &press.button],
        )?;
    }
    Ok(())
}
