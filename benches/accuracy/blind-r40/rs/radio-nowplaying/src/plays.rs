use mysql::params;
use mysql::prelude::Queryable;

use crate::clients::Services;

pub struct Play {
    pub file: String,
    pub title: String,
    pub duration_secs: Option<u64>,
}

impl Play {
    pub fn from_song(song: &mpd::Song) -> Play {
        Play {
            file: song.file.clone(),
            title: song.title.clone().unwrap_or_else(|| song.file.clone()),
            duration_secs: song.duration.map(|d| d.as_secs()),
        }
    }
}

/// One row per aired track; the quarterly PRS/PPL return is built from this.
pub fn log_play(services: &Services, play: &Play) -> anyhow::Result<()> {
    let mut conn = services.royalty_db.get_conn()?;
    let mut tx = conn.start_transaction(mysql::TxOpts::default())?;
    tx.exec_drop(
        "INSERT INTO aired (file, title, duration_secs, aired_at) VALUES (:file, :title, :dur, UTC_TIMESTAMP())",
        params! { "file" => &play.file, "title" => &play.title, "dur" => play.duration_secs },
    )?;
    tx.exec_drop(
        "UPDATE library SET play_count = play_count + 1, last_aired = UTC_TIMESTAMP() WHERE file = ?",
        (&play.file,),
    )?;
    tx.commit()?;
    Ok(())
}
