//! Play log used for the quarterly PRS for Music / PPL returns.
use postgres::{Client, NoTls};

use crate::rotation::Track;

pub fn connect() -> Result<Client, postgres::Error> {
    let url = std::env::var("PLAYLOG_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://playout@db.studio.lan/station".into());
    Client::connect(&url, NoTls)
}

pub fn record_play(db: &mut Client, track: &Track) -> Result<(), postgres::Error> {
    db.execute(
        "INSERT INTO play_log (played_at, artist, title, isrc, source, duration_s)
         VALUES (now(), $1, $2, $3, 'automation', $4)",
        &[&track.artist, &track.title, &track.isrc, &(track.duration_s as i32)],
    )?;
    Ok(())
}
