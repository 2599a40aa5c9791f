use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use mpris::Metadata;
use postgres::{Client, NoTls};

pub struct Track {
    pub title: String,
    pub artist: String,
    pub album: Option<String>,
    pub length: Option<Duration>,
    pub started_unix: u64,
    listened: Duration,
    playing_since: Option<Instant>,
}

impl Track {
    pub fn from_metadata(meta: &Metadata) -> Option<Track> {
        let title = meta.title()?.to_owned();
        let artist = meta
            .artists()
            .map(|a| a.join(", "))
            .unwrap_or_else(|| "Unknown".to_owned());
        Some(Track {
            title,
            artist,
            album: meta.album_name().map(str::to_owned),
            length: meta.length(),
            started_unix: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or_default(),
            listened: Duration::ZERO,
            playing_since: Some(Instant::now()),
        })
    }

    pub fn resumed(&mut self) {
        self.playing_since.get_or_insert_with(Instant::now);
    }

    pub fn paused(&mut self) {
        if let Some(since) = self.playing_since.take() {
            self.listened += since.elapsed();
        }
    }

    pub fn listened(&self) -> Duration {
        self.listened + self.playing_since.map(|s| s.elapsed()).unwrap_or_default()
    }

    /// Last.fm rule: half the track or four minutes, whichever comes first.
    pub fn listened_enough(&self) -> bool {
        let needed = self
            .length
            .map(|l| (l / 2).min(Duration::from_secs(240)))
            .unwrap_or(Duration::from_secs(240));
        self.listened() >= needed
    }
}

pub fn record_play(track: &Track) -> anyhow::Result<()> {
    let url = std::env::var("HISTORY_DATABASE_URL")?;
    let mut client = Client::connect(&url, NoTls)?;
    client.execute(
        "INSERT INTO plays (title, artist, album, started_at, listened_secs) \
         VALUES ($1, $2, $3, to_timestamp($4), $5)",
        &[
            &track.title,
            &track.artist,
            &track.album,
            &(track.started_unix as f64),
            &(track.listened().as_secs() as i64),
        ],
    )?;
    Ok(())
}
