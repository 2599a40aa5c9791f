//! Reads Shairport Sync's metadata FIFO (metadata = { enabled = "yes"; pipe_name = "/tmp/shairport-sync-metadata"; })
//! Items look like `<item><type>636f7265</type><code>6d696e6d</code><length>12</length>` followed by
//! `<data encoding="base64">...</data></item>` when length > 0.
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::thread;
use std::time::Duration;

use anyhow::Result;
use base64::{engine::general_purpose::STANDARD, Engine};
use diesel::prelude::*;
use diesel::PgConnection;
use shairport_meta_log::{db, schema::plays};

const FIFO: &str = "/tmp/shairport-sync-metadata";

#[derive(Default)]
struct Pending {
    title: Option<String>,
    artist: Option<String>,
    album: Option<String>,
    client_name: Option<String>,
    last_logged: Option<String>,
}

fn hex4(s: &str) -> String {
    (0..4)
        .filter_map(|i| u8::from_str_radix(s.get(i * 2..i * 2 + 2)?, 16).ok())
        .map(char::from)
        .collect()
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = s.find(open)? + open.len();
    let end = s[start..].find(close)? + start;
    Some(&s[start..end])
}

fn main() -> Result<()> {
    env_logger::init();
    let speaker = std::env::var("SPEAKER_NAME").unwrap_or_else(|_| "cafe-main".into());
    let mut conn = db::establish()?;
    let mut state = Pending::default();

    // Opening a FIFO blocks until shairport-sync opens the write side; when shairport-sync
    // restarts we read EOF and simply open the pipe again.
    loop {
        let reader = match File::open(FIFO) {
            Ok(f) => BufReader::new(f),
            Err(e) => {
                log::warn!("metadata pipe not available: {e}");
                thread::sleep(Duration::from_secs(5));
                continue;
            }
        };
        let mut item = String::new();
        for line in reader.lines() {
            let line = line?;
            item.push_str(&line);
            if !item.contains("</item>") {
                continue;
            }
            if let Err(e) = on_item(&mut conn, &speaker, &mut state, &item) {
                log::error!("metadata item failed: {e:#}");
            }
            item.clear();
        }
    }
}

fn on_item(conn: &mut PgConnection, speaker: &str, st: &mut Pending, item: &str) -> Result<()> {
    let (Some(kind), Some(code)) = (between(item, "<type>", "</type>"), between(item, "<code>", "</code>")) else {
        return Ok(());
    };
    let data = between(item, "<data encoding=\"base64\">", "</data>")
        .and_then(|b| STANDARD.decode(b.trim()).ok())
        .map(|v| String::from_utf8_lossy(&v).into_owned());

    match (hex4(kind).as_str(), hex4(code).as_str()) {
        ("core", "minm") => st.title = data,
        ("core", "asar") => st.artist = data,
        ("core", "asal") => st.album = data,
        ("ssnc", "snam") => st.client_name = data,
        ("ssnc", "mden") => {
            // end of a metadata bundle: log once per distinct track
            let Some(title) = st.title.clone() else { return Ok(()) };
            if st.last_logged.as_deref() == Some(title.as_str()) {
                return Ok(());
            }
            diesel::insert_into(plays::table)
                .values((
                    plays::speaker.eq(speaker),
                    plays::title.eq(&title),
                    plays::artist.eq(st.artist.as_deref()),
                    plays::album.eq(st.album.as_deref()),
                    plays::client_name.eq(st.client_name.as_deref()),
                    plays::started_at.eq(chrono::Utc::now()),
                ))
                .execute(conn)?;
            st.last_logged = Some(title);
        }
        ("ssnc", "pend") => *st = Pending { last_logged: st.last_logged.take(), ..Default::default() },
        _ => {}
    }
    Ok(())
}
