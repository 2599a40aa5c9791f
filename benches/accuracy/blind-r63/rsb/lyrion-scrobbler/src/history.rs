use anyhow::Result;
use mysql::prelude::Queryable;
use mysql::{params, Opts, Pool};

use crate::lms::Track;

pub fn open_pool(url: &str) -> Result<Pool> {
    Ok(Pool::new(Opts::from_url(url)?)?)
}

pub fn record_play(pool: &Pool, player_id: &str, zone: &str, track: &Track) -> Result<()> {
    let mut conn = pool.get_conn()?;
    conn.exec_drop(
        "INSERT INTO plays (player_id, zone, title, artist, album, duration_s, played_at)
         VALUES (:player_id, :zone, :title, :artist, :album, :duration, UTC_TIMESTAMP())",
        params! {
            "player_id" => player_id,
            "zone" => zone,
            "title" => &track.title,
            "artist" => &track.artist,
            "album" => &track.album,
            "duration" => track.duration,
        },
    )?;
    Ok(())
}
